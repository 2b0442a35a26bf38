from functools import partial, reduce
from operator import itemgetter, add

records = [{'name': 'x', 'age': 30}, {'name': 'y', 'age': 25}, {'name': 'z', 'age': 35}]
by_age = partial(sorted, key=itemgetter('age'))
print([r['name'] for r in by_age(records)])
print(reduce(add, map(itemgetter('age'), records)))
print(reduce(lambda acc, r: {**acc, r['name']: r['age']}, records, {}))
