class Base:
    def hello(self):
        return "base"


class A(Base):
    def f[T](self, x: T) -> T:
        return super().hello(), x

    def g[U: Base](self):
        return __class__


class G[T](Base):
    def hello(self):
        return "G " + super().hello()

    def h[V](self, v: V = None):
        return super().hello(), v


print(A().f(1), A().g(), G().hello(), G().h(2))
