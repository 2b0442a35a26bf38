# while loops: counting, accumulating, nested.
i = 0
while i < 5:
    print(i)
    i = i + 1
total = 0
n = 100
while n > 0:
    total += n
    n -= 1
print(total)
row = 1
while row <= 3:
    col = 1
    line = ""
    while col <= row:
        line = line + "*"
        col += 1
    print(line)
    row += 1
