class Converter:
    factor = 10

    def scale[N](self, x: N) -> N:
        return x * self.factor

    @staticmethod
    def pair[A, B](a: A, b: B) -> tuple:
        return (a, b)

    @classmethod
    def make[T](cls, value: T):
        obj = cls()
        obj.value = value
        return obj

    type Unit = str


c = Converter()
print(c.scale(4), Converter.pair(1, "x"), Converter.make(5).value)
print(Converter.scale.__type_params__, Converter.Unit, Converter.Unit.__value__)
print(Converter.scale.__qualname__)
