counter = 5
def show():
    print(countr)
show()
