def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", **rest}:
            return f"key {rest}"
        case {}:
            return "some mapping"
        case str() as s:
            return "string " + s
        case _:
            return "unknown"
print(handle({"type": "click", "pos": (1, 2)}), handle({"type": "key", "k": 1}), handle({}), handle("x"), handle(3))
