"""Iterator building blocks, written as generators so each step can be followed."""


def count(start=0, step=1):
    """start, start + step, start + 2*step, ... forever."""
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    """The items of iterable, repeated forever."""
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(object, times=None):
    """object, times times (or forever)."""
    if times is None:
        while True:
            yield object
    else:
        for _ in range(times):
            yield object


def _chain(iterables):
    for it in iterables:
        yield from it


class chain:
    """chain('ab', 'cd') -> a b c d."""

    def __init__(self, *iterables):
        self._it = _chain(iterables)

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._it = _chain(iterables)
        return c

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


def islice(iterable, *args):
    """islice(it, stop) / islice(it, start, stop[, step]): a slice of an iterator."""
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, 1 if s.step is None else s.step
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    it = iter(iterable)
    i = 0
    nexti = start
    while stop is None or i < stop:
        try:
            element = next(it)
        except StopIteration:
            return
        if i == nexti:
            yield element
            nexti += step
        i += 1


def accumulate(iterable, func=None, *, initial=None):
    """Running totals (or running results of func)."""
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def starmap(function, iterable):
    """function(*args) for each args in iterable."""
    for args in iterable:
        yield function(*args)


def takewhile(predicate, iterable):
    """Items while predicate holds."""
    for x in iterable:
        if not predicate(x):
            break
        yield x


def dropwhile(predicate, iterable):
    """Items from the first one for which predicate fails."""
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(predicate, iterable):
    """Items for which predicate is false."""
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def compress(data, selectors):
    """Items of data whose selector is true."""
    for d, s in zip(data, selectors):
        if s:
            yield d


def pairwise(iterable):
    """pairwise('ABCD') -> AB BC CD."""
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def zip_longest(*iterables, fillvalue=None):
    """zip that runs until the longest iterable ends, padding with fillvalue."""
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    """Cartesian product: product('ab', range(2)) -> a0 a1 b0 b1."""
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    """r-length orderings of the items, in lexicographic order of positions."""
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    """r-length subsequences of the items, in order."""
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """r-length subsequences allowing an item to repeat."""
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


_unset = object()


class groupby:
    """(key, group iterator) for each run of items with equal keys.

    Lazy like CPython's: the key function runs on an item only when the
    iteration reaches it, and advancing to the next group ends the old one.
    """

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _unset
        self._current_group = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._current_group = None
        while True:
            if self._currkey is _unset:
                pass
            elif self._tgtkey is _unset:
                break
            elif not (self._tgtkey is self._currkey or self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        group = object()
        self._current_group = group
        return self._currkey, self._grouper(self._tgtkey, group)

    def _grouper(self, tgtkey, group):
        while self._current_group is group:
            if self._currvalue is _unset:
                try:
                    self._step()
                except StopIteration:
                    return
            if not (tgtkey is self._currkey or tgtkey == self._currkey):
                return
            value = self._currvalue
            self._currvalue = _unset
            yield value


def tee(iterable, n=2):
    """n independent iterators over the items."""
    items = list(iterable)
    return tuple(iter(items) for _ in range(n))


def batched(iterable, n):
    """Tuples of n items (the last may be shorter)."""
    if n < 1:
        raise ValueError('n must be at least one')
    it = iter(iterable)
    while batch := tuple(islice(it, n)):
        yield batch
