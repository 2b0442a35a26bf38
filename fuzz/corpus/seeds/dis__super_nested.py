class A:
    def hello(self):
        return "A"
class B(A):
    def hello(self):
        def inner():
            return super(B, self).hello()
        return inner() + "B"
    def zero(self):
        return [super().hello() for _ in range(1)]
    @classmethod
    def make(cls):
        return super().__new__(cls)
print(B().hello(), B().zero(), type(B.make()).__name__)
