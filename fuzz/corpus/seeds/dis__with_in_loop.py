class CM:
    def __enter__(self):
        return 1
    def __exit__(self, t, v, tb):
        return True
def f():
    for i in range(3):
        with CM() as c:
            if i == 0:
                continue
            if i == 2:
                break
            raise ValueError
    with CM():
        with CM() as d:
            return d
print(f())
