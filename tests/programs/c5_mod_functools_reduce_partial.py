from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(max, [3, 9, 2]), reduce(operator.add, [], 'empty'))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(e)
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), partial(power, 2)(10))
int2 = partial(int, base=2)
print(int2('1011'))
