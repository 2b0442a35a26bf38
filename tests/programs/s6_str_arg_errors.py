# The TypeErrors str methods raise for a non-str argument, message for message.
cases = [
    lambda: "a".find(1), lambda: "a".rfind(1), lambda: "a".count(1), lambda: "a".index(1),
    lambda: "a".rindex(1), lambda: "a".partition(1), lambda: "a".rpartition(1),
    lambda: "a".strip(1), lambda: "a".lstrip(1), lambda: "a".rstrip(1),
    lambda: "a".split(1), lambda: "a".rsplit(1), lambda: "a".split(sep=1),
    lambda: "a".replace(1, "b"), lambda: "a".replace("a", 2),
    lambda: "a".startswith((1,)), lambda: "a".endswith(("a", 2)), lambda: "a".endswith(1),
    lambda: "a".center(3, 1), lambda: "a".center(3, "ab"),
    lambda: "a".removeprefix(1), lambda: "a".removesuffix(2),
    lambda: 1 in "a",
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(e)
print("a b".split(None), " x ".strip(None))
"abc".split(2)
