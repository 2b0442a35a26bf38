def search(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            break
        i += 1
    else:
        return None
    return i
print(search([1, 2], 2), search([], 1))
for x in []:
    pass
else:
    print("empty")
