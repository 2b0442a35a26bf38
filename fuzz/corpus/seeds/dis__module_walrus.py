values = [3, 8, 1]
if any((big := v) > 5 for v in values):
    print(big)
total = [acc := 0]
found = [y for x in values if (y := x + 1) > 2]
print(found, y)
