def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner

class K:
    def __init__(self, v):
        self.v = v
    @property
    def value(self):
        return self.v
