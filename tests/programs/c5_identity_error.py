# Comparing strings with `is` finds only the very same object
def find(items, target):
    for i, item in enumerate(items):
        if item is target:
            return i
    raise ValueError(f"{target!r} not found (compared with 'is')")

names = ["ann", "bob"]
print(find(names, "bob"))
typed = "".join(["b", "o", "b"])
print(typed == "bob", typed in names)
print(find(names, typed))
