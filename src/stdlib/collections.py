"""Container datatypes: deque, Counter, defaultdict, OrderedDict, namedtuple.

deque, defaultdict and Counter are native (pvm's _collections). pvm
cannot subclass dict or tuple in Python yet, so OrderedDict keeps its items in
a plain dict (self._data) and namedtuple classes keep theirs in a tuple
(self._values); they behave like CPython's, except that isinstance(x, dict)
and isinstance(x, tuple) are False.
"""

import collections.abc as abc
from operator import itemgetter as _itemgetter
from _collections import defaultdict, Counter, deque


class _MappingBase:
    """The dict protocol, delegated to self._data."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        data = self._data
        if key in data:
            return data[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _MappingBase):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def clear(self):
        self._data.clear()

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f'update expected at most 1 argument, got {len(args)}')
        if args:
            other = args[0]
            if isinstance(other, _MappingBase):
                other = other._data
            if hasattr(other, 'keys'):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        new = self.__class__()
        new._data = self._data.copy()
        return new

    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new

    def __repr__(self):
        if not self._data:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({self._data!r})'


class OrderedDict(_MappingBase):
    """A dict that remembers insertion order and can reorder its items."""

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            self._data = {key: value, **self._data}

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        key = next(reversed(self._data)) if last else next(iter(self._data))
        return key, self._data.pop(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return _MappingBase.__eq__(self, other)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new


class _TupleBase:
    """What every namedtuple class shares: a tuple of values with names."""

    _fields = ()
    _field_defaults = {}

    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        name = cls.__name__
        if len(args) > len(fields):
            raise TypeError(f'{name}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given')
        values = list(args)
        missing = []
        for field in fields[len(args):]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in cls._field_defaults:
                values.append(cls._field_defaults[field])
            else:
                missing.append(field)
        for field in kwargs:
            if field in fields:
                raise TypeError(f"{name}.__new__() got multiple values for argument '{field}'")
            raise TypeError(f"{name}.__new__() got an unexpected keyword argument '{field}'")
        if missing:
            names = [repr(m) for m in missing]
            listed = names[0] if len(names) == 1 else ', '.join(names[:-1]) + ' and ' + names[-1]
            s = '' if len(missing) == 1 else 's'
            raise TypeError(f'{name}.__new__() missing {len(missing)} required positional argument{s}: {listed}')
        self._values = tuple(values)

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _replace(self, **kwargs):
        values = [kwargs.pop(f, v) for f, v in zip(self._fields, self._values)]
        if kwargs:
            raise ValueError(f'Got unexpected field names: {list(kwargs)!r}')
        return type(self)(*values)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def __repr__(self):
        inner = ', '.join(f'{f}={v!r}' for f, v in zip(self._fields, self._values))
        return f'{type(self).__name__}({inner})'

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def __contains__(self, x):
        return x in self._values

    def __hash__(self):
        return hash(self._values)

    def _other(self, other):
        if isinstance(other, _TupleBase):
            return other._values
        return other

    def __eq__(self, other):
        return self._values == self._other(other)

    def __ne__(self, other):
        return self._values != self._other(other)

    def __lt__(self, other):
        return self._values < self._other(other)

    def __le__(self, other):
        return self._values <= self._other(other)

    def __gt__(self, other):
        return self._values > self._other(other)

    def __ge__(self, other):
        return self._values >= self._other(other)

    def __add__(self, other):
        return self._values + self._other(other)

    def count(self, x):
        return self._values.count(x)

    def index(self, x, *args):
        return self._values.index(x, *args)


def _is_identifier(name):
    # str.isidentifier for the ASCII names namedtuple fields use.
    return bool(name) and not name[0].isdigit() and all(c == '_' or c.isalnum() for c in name)


def _field_property(index):
    return property(lambda self: self._values[index])


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new class of tuples whose items are also reachable by name."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    seen = set()
    for name in (typename,) + field_names:
        if not _is_identifier(name):
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
    namespace = {'_fields': field_names, '_field_defaults': field_defaults}
    for index, name in enumerate(field_names):
        namespace[name] = _field_property(index)
    return type(typename, (_TupleBase,), namespace)
