# Assignment and augmented assignment.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 10
print(x)
x /= 8
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)


def bump(n):
    total = 0
    total += n
    total *= 2
    return total


print(bump(21))
