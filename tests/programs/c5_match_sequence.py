def classify(seq):
    match seq:
        case ():
            return "empty tuple or list"
        case (x,):
            return f"singleton {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"

for s in [[], (), [1], (2,), [1, 2], (3, 4), [1, 2, 3, 4, 5], "ab"]:
    print(s, "->", classify(s))

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print("nested", a, b, c, d)

match (1, 2, 3):
    case [*head, 3]:
        print("ends with 3, head", head)
