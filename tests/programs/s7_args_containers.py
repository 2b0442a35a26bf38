# list, tuple, dict, set and frozenset methods' argument-count and keyword errors, by calling convention.
def show(case):
    try:
        case()
        print("no error")
    except TypeError as e:
        print(e)

# METH_NOARGS
for case in [
    lambda: [].copy(1),
    lambda: [].clear(1),
    lambda: [].reverse(1, 2),
    lambda: {}.keys(1),
    lambda: {}.values(1),
    lambda: {}.items(1),
    lambda: {}.copy(1),
    lambda: {}.clear(1),
    lambda: {1: 2}.popitem(1),
    lambda: {1}.pop(1),
    lambda: {1}.clear(1),
    lambda: {1}.copy(1),
    lambda: frozenset().copy(1),
    lambda: [].copy(x=1),
    lambda: {}.keys(x=1),
]:
    show(case)
# METH_O
for case in [
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: [].extend(),
    lambda: [].remove(),
    lambda: [].count(),
    lambda: ().count(),
    lambda: ().count(1, 2),
    lambda: {1}.add(),
    lambda: {1}.remove(),
    lambda: {1}.discard(),
    lambda: {1}.symmetric_difference(),
    lambda: {1}.issubset(),
    lambda: {1}.issuperset(1, 2),
    lambda: {1}.isdisjoint(),
    lambda: frozenset().isdisjoint(),
    lambda: frozenset().issubset(),
    lambda: [].append(object=1),
    lambda: {1}.add(x=1),
]:
    show(case)
# Argument Clinic, positional-only
for case in [
    lambda: [].pop(1, 2),
    lambda: [].insert(0),
    lambda: [].insert(),
    lambda: [].insert(0, 1, 2),
    lambda: [].index(),
    lambda: [].index(1, 0, 1, 2),
    lambda: ().index(),
    lambda: (1,).index(1, 0, 1, 2),
    lambda: {}.get(),
    lambda: {}.get(1, 2, 3),
    lambda: {}.pop(),
    lambda: {}.pop(1, 2, 3),
    lambda: {}.setdefault(),
    lambda: {}.setdefault(1, 2, 3),
    lambda: dict.fromkeys(),
    lambda: dict.fromkeys([], 1, 2),
    lambda: [].pop(index=0),
    lambda: {}.get(key=1),
    lambda: {}.get(1, default=2),
    lambda: {}.pop(key=1),
    lambda: {}.setdefault(key=1),
    lambda: dict.fromkeys(iterable=[]),
    lambda: [].index(value=1),
    lambda: ().index(x=1),
]:
    show(case)
# dict.update takes one positional argument and any keywords
for case in [
    lambda: {}.update({}, {}),
    lambda: print({1: 2}.update({3: 4}, a=5)),
]:
    show(case)
# PyArg_ParseTuple with any number of arguments, and no keywords
for case in [
    lambda: {1}.union(x=1),
    lambda: {1}.update(x=1),
    lambda: {1}.intersection(x=1),
    lambda: frozenset().difference({1}, x=1),
    lambda: print({1}.union(), {1}.union({2}, {3}), {1, 2}.intersection({2}, {2, 3})),
]:
    show(case)
# list.sort takes keyword-only arguments
for case in [
    lambda: [].sort(1),
    lambda: [].sort(None, None),
    lambda: [].sort(None, None, None),
    lambda: [].sort(key=None, reverse=False, x=1),
    lambda: [].sort(kee=len),
    lambda: [].sort(key=None, reverse=False, cmp=None, x=1),
    lambda: print(sorted([3, 1, 2]), [3, 1, 2].sort(key=None, reverse=True)),
]:
    show(case)
# a bound method called later
for case in [
    lambda: (lambda f: f())([].append),
    lambda: (lambda f: f(1, 2))({}.get),
    lambda: (lambda f: f(1))({}.keys),
    lambda: (lambda f: f(x=1))([].pop),
]:
    show(case)
[].append()
