def make_class(base_value):
    class Inner:
        value = base_value
        doubled = value * 2
        def get(self):
            return self.value + base_value
    return Inner
class Outer:
    class Nested:
        x = 1
    items = [1, 2, 3]
    squares = [i * i for i in items]
    total = sum(items)
C = make_class(5)
print(C().get(), C.doubled, Outer.Nested.x, Outer.squares, Outer.total)
