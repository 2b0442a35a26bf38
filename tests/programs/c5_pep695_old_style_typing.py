from typing import TypeVar, Generic, ParamSpec, TypeVarTuple, TypeAliasType

T = TypeVar("T")
K = TypeVar("K", bound=int)
S = TypeVar("S", str, float)
P = ParamSpec("P")
Ts = TypeVarTuple("Ts")

print(T, K, S, P, Ts)
print(K.__bound__, S.__constraints__, T.__name__)


class OldBox(Generic[T]):
    def __init__(self, v):
        self.v = v


print(OldBox(3).v)


def new_style[U]():
    pass


U, = new_style.__type_params__
print(U, type(U) is TypeVar, isinstance(U, TypeVar))
Alias = TypeAliasType("Alias", int)
print(Alias, Alias.__value__)
