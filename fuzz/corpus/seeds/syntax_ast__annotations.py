x: int
y: list[int] = []
self.a: int = 1
(z): int = 2
a[0]: str
