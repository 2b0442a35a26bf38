class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", exc[0])
        return False
def f():
    with CM() as a:
        with CM() as b:
            return a is b
def g():
    try:
        with CM():
            raise ValueError("boom")
    except ValueError as e:
        return str(e)
def h(n):
    for i in range(n):
        with CM():
            if i:
                return i
    return -1
print(f(), g(), h(3))
