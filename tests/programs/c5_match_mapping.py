events = [
    {"type": "click", "x": 10, "y": 20},
    {"type": "key", "key": "q"},
    {"type": "key", "key": "a", "shift": True},
    {"type": "scroll", "delta": -3, "extra": 1, "more": 2},
    {"kind": "unknown"},
    {},
]

for e in events:
    match e:
        case {"type": "click", "x": x, "y": y}:
            print("click at", x, y)
        case {"type": "key", "key": "q"}:
            print("quit")
        case {"type": "key", "key": k, **rest}:
            print("key", k, "with", rest)
        case {"type": "scroll", "delta": d, **others}:
            print("scroll", d, sorted(others.items()))
        case {}:
            print("some mapping", e)
