# Annotation scopes inside classes see the class namespace (__classdict__).
x = "global x"


class Outer:
    x = "class x"
    Bound = int

    def method[T: Bound](self, a: T, b: x) -> T:
        return a

    type Alias[K] = dict[K, Bound]

    class Inner[U: (Bound, str)]:
        def get[V](self, v: V = None) -> U | V:
            return v

    def uses_class(self):
        return __class__


def func():
    y = 1

    class Local[T]:
        z = y

        def m(self) -> T:
            return y

    type LA = list[y]
    return Local, LA


class Mangled[__P]:
    def __private[__Q](self, q: __Q) -> __P:
        return q


@staticmethod
def decorated[*Ts, **P](*args: *Ts, **kw: P.kwargs) -> tuple[*Ts]:
    return args


type Recursive = list[Recursive] | int
type Const[T: ("a", "b")] = T
print(Outer.method.__type_params__, Outer.Alias.__value__, Mangled.__type_params__)
