type Alias = list[int]
type Pair[T] = tuple[T, T]
def f[T](x: T) -> T:
    return x
class Box[T]:
    def get(self) -> T:
        return self.v
def g[T: int, *Ts, **P](a=1, *, b=2): pass
def h[T: (int, str)](x): return x
class C:
    def m[U](self, u: U) -> U: return u
    type A = int
print(Alias, Alias.__value__, Pair, Pair.__type_params__, f.__type_params__, Box.__type_params__)
