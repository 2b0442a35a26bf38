price = 10
total = price × 3
print(total)
