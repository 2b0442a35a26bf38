# for over lists, nested loops.
words = ["alpha", "beta", "gamma"]
for w in words:
    print(w, len(w))
numbers = [3, 1, 4, 1, 5, 9, 2, 6]
biggest = numbers[0]
for n in numbers:
    if n > biggest:
        biggest = n
print(biggest)
for row in [[1, 2], [3, 4]]:
    for x in row:
        print(x * 10, end=",")
print()
for item in []:
    print("never")
