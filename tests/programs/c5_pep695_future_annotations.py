from __future__ import annotations
def f[T: int](x: T, y: list[T] = None) -> dict[str, T]:
    return x
class C[T]:
    a: T
    def m[U](self, u: U) -> C[U]: pass
type A[K] = dict[K, int]
print(f.__annotations__, f.__type_params__[0].__bound__, C.m.__annotations__, A.__value__)
