x: int = 5
y: str
def f(a: int, b: str = "x") -> bool:
    z: int = 1
    return True
class C:
    attr: int = 0
    other: list
print(f(1), x, __annotations__, C.__annotations__)
