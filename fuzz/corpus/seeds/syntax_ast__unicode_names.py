café = 1
π = 3.14
s = 'héllo'
print(café, π)
