i = 0
total = 0
while i < 10:
    total += i
    i += 1
print(total)
while True:
    i -= 1
    if i < 5:
        break
print(i)
