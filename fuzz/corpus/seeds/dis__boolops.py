a = 0
b = 5
c = a and b
d = a or b
e = a and b or c
print(c, d, e)
if a and b:
    print("both")
if a or b:
    print("either")
if not a and (b or c):
    print("complex")
while a < 3 and b:
    a += 1
x = a if b else c
print(x)
