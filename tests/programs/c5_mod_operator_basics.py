import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul(4, 5), operator.sub(9, 4), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.neg(5), operator.pow(2, 8), operator.eq(1, 1), operator.lt(2, 1))
print(operator.not_(0), operator.getitem([1, 2, 3], 1), operator.contains('abc', 'b'), operator.abs(-4))
rows = [('bob', 30), ('ann', 25), ('cy', 30)]
print(sorted(rows, key=itemgetter(1, 0)), itemgetter(0)(rows), list(map(itemgetter(1), rows)))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
ps = [P('x', 3), P('y', 1)]
print([p.name for p in sorted(ps, key=attrgetter('age'))], attrgetter('name', 'age')(ps[0]))
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b,c'))
