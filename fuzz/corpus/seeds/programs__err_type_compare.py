# Ordering an int against a str.
values = [3, 1, 2]
print(values[0] < values[1])
print(values[0] < "two")
