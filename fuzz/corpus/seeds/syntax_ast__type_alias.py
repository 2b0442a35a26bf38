type X = int
type Y[T] = list[T]
def f[T, *Ts, **P](x: T) -> T: pass
class C[T: int]: pass
