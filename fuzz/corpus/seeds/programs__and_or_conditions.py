# `and` / `or` / `not` as conditions in if and while.
def check(a, b):
    if a > 0 and b > 0:
        print("both positive")
    elif a > 0 or b > 0:
        print("one positive")
    else:
        print("none positive")
    if not a and not b:
        print("both zero")


check(1, 2)
check(1, -2)
check(-1, -2)
check(0, 0)
i = 0
while i < 10 and i * i < 20:
    i += 1
print(i)
n = 0
while not (n >= 3 or n < 0):
    n = n + 1
print(n)
