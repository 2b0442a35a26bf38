x: int = 5
y: list[int]
print(x)
print(__annotations__)
def f(a: int, b: "str" = "z") -> bool:
    v: float = 1.5
    return v
print(f.__annotations__)
print(f(1))
class P:
    name: str = "p"
    age: int
print(P.__annotations__, P.name)
