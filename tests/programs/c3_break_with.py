class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, et, ev, tb):
        print("exit", self.n, et)
        return False
for i in range(4):
    with CM(i) as v:
        if v == 1:
            continue
        if v == 3:
            break
        print("work", v)
print("after")
