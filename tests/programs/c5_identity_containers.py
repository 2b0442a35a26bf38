# Identity of containers: new objects, aliases, and immutable singletons
first = []
second = []
print(first is second, first == second)
alias = first
alias.append(1)
print(first, alias is first, id(alias) == id(first), id(first) != id(second))
copy = first[:]
print(copy == first, copy is first)
point = (1, 2)
other = (1, 2)
print(point is other, "(equal constant tuples are one object)")
print(point[:] is point, tuple(point) is point, list(point) is list(point))
empty = ()
nothing = ()
print(tuple() is empty, tuple([]) is empty, empty is nothing)
print({} is {}, set() is set(), frozenset() == frozenset())
raw = b"data"
no_bytes, d = b"", b"d"
print(raw[:] is raw, bytes() is no_bytes, d is raw[:1], raw is bytes(raw))
grid = [[0] * 3] * 2
grid[0][0] = 9
print(grid, grid[0] is grid[1])
fresh = [[0] * 3 for _ in range(2)]
fresh[0][0] = 9
print(fresh, fresh[0] is fresh[1])
def default_trap(item, bucket=[]):
    bucket.append(item)
    return bucket
one = default_trap(1)
two = default_trap(2)
print(one, two, one is two)
value = None
print(value is None, value is not None, type(None) is type(value))
