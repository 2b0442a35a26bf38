def empty():

print("after")
