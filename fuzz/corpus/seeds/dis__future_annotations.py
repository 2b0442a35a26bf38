from __future__ import annotations
x: int = 5
y: list[int | None]
class Node:
    value: int
    next: Node | None = None
    def link(self, other: Node, *rest: tuple[int, ...], key: str = "k", **kw: dict[str, "Node"]) -> Node | None:
        z: float = 1.0
        return other
def f(a: 1 + 2, b: -x, c: not a, d: lambda q: q, e: a if b else c, g: [i for i in range(3)]) -> f(1, *a, k=2):
    pass
print(Node.__annotations__, f.__annotations__["a"], __annotations__)
