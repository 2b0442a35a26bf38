class Shapes:
    Unit = float
    Size = int

    type Length = Unit

    def area[T: Size](self, w: T, h: T) -> Unit:
        return w * h


Unit = "module-level Unit"
print(Shapes.Length.__value__)
T, = Shapes.area.__type_params__
print(T.__bound__)
print(Shapes().area(3, 4))


def factory():
    local_bound = list

    class Inner[X: local_bound]:
        pass

    return Inner


X, = factory().__type_params__
print(X.__bound__)
