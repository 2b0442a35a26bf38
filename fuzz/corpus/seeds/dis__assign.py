x = y = 5
a, b = 1, 2
a, b = b, a
c = [1, 2]
c[0] = 9
c[1] += 3
x += 1
x -= 2
x *= 3
x //= 2
x **= 2
x %= 7
print(x, a, b, c)
