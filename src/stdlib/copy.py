"""Shallow and deep copies of Python objects."""


class Error(Exception):
    pass


_ATOMIC = (type(None), int, float, bool, complex, str, type, range, type(len), type(lambda: 0))


def copy(x):
    """A shallow copy of x: a new container holding the same items."""
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(x, '__copy__', None)
    if copier is not None:
        return copier()
    if hasattr(x, 'copy') and hasattr(x, '_data'):
        return x.copy()
    return _copy_instance(x, lambda v: v)


def _copy_instance(x, transform):
    new = object.__new__(type(x))
    for name, value in vars(x).items():
        setattr(new, name, transform(value))
    return new


def deepcopy(x, memo=None):
    """A deep copy of x: containers copied recursively, shared parts kept shared."""
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if isinstance(x, _ATOMIC):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = object.__new__(cls)
            memo[key] = y
            for name, value in vars(x).items():
                setattr(y, name, deepcopy(value, memo))
    memo[key] = y
    return y
