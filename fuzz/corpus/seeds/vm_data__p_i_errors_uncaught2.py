def parse(items):
    return [int(x) for x in items]
values = parse(["1", "2", "three"])
