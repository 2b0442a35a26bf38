def load(k):
    try:
        return {"a": 1}[k]
    except KeyError as e:
        raise ValueError(f"bad key {k!r}") from e
print(load("a"))
load("b")
