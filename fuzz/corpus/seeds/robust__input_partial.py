a = input()
b = input()
print(a.upper(), b)
c = input()
