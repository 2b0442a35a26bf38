def process(data):
    result = []
    total = 0
    count = 0
    for item in data:
        if isinstance(item, int):
            total += item
            count += 1
        elif isinstance(item, str):
            if item.isdigit():
                total += int(item)
                count += 1
            else:
                result.append(item.upper())
        elif isinstance(item, (list, tuple)):
            sub = process(item)
            total += sub[0]
            count += sub[1]
        else:
            continue
    average = total / count if count else 0
    return total, count, average, result
print(process([1, "2", "abc", [3, "x"], None, (4,)]))
