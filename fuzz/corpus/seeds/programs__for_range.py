# for over range with one, two and three arguments.
for i in range(5):
    print(i, end=" ")
print()
for i in range(2, 6):
    print(i, end=" ")
print()
for i in range(0, 20, 5):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-3, 3):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
for i in range(5, 0):
    print("never")
print(i)
total = 0
for k in range(1, 101):
    total += k
print(total)
