import copy
import operator

grid = [[0] * 3 for _ in range(2)]
shallow = copy.copy(grid)
deep = copy.deepcopy(grid)
grid[0][0] = 9
print(shallow[0][0], deep[0][0], shallow is grid, shallow[0] is grid[0])

people = [("ada", 36), ("alan", 41), ("grace", 85), ("linus", 28)]
print(sorted(people, key=operator.itemgetter(1)))
print(list(map(operator.itemgetter(0), people)))


class P:
    def __init__(self, name):
        self.name = name


print([p.name for p in sorted([P("b"), P("a")], key=operator.attrgetter("name"))])
print(operator.add(2, 3), operator.mul(4, 5), operator.neg(7), operator.truediv(7, 2))
print(operator.contains([1, 2], 2), operator.not_(0), operator.floordiv(7, 2))
