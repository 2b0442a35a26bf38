e = ValueError("a", 2)
print(e.args, str(e), repr(e))
print(str(KeyError("k")), repr(KeyError("k")))
print(repr(Exception()), str(Exception()))
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(42)
except E as x:
    print(x, x.code, x.args)
try:
    raise StopIteration(5)
except StopIteration as s:
    print(s.value)
