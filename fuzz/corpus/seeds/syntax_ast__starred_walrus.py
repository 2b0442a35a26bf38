a, *b = c
print(*x)
y = [*a, *b]
if (n := len(a)) > 10:
    pass
while chunk := f.read():
    pass
z = [y := 1, y ** 2]
