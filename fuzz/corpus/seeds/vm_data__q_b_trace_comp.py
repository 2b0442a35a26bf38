def process(rows):
    return [r["x"] * 2 for r in rows]
print(process([{"x": 1}, {"y": 2}]))
