"""Container datatypes: deque, Counter, defaultdict, OrderedDict, namedtuple.

deque, defaultdict and Counter are native (pvm's _collections). OrderedDict
is a dict subclass and namedtuple classes are tuple subclasses, as in CPython.
"""

import collections.abc as abc
from operator import itemgetter as _itemgetter
from _collections import defaultdict, Counter, deque


class OrderedDict(dict):
    """A dict that remembers insertion order and can reorder its items."""

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def copy(self):
        return self.__class__(self)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        return f'{self.__class__.__name__}({dict(self.items())!r})'

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new


class _TupleBase(tuple):
    """What every namedtuple class has; namedtuple() copies these methods
    into each new class, whose only base is tuple (as in CPython)."""

    __slots__ = ()
    _fields = ()
    _field_defaults = {}

    def __new__(_cls, *args, **kwargs):
        fields = _cls._fields
        name = _cls.__name__
        if len(args) > len(fields):
            required = len(fields) - len(_cls._field_defaults)
            takes = f'{len(fields) + 1}' if required == len(fields) else f'from {required + 1} to {len(fields) + 1}'
            raise TypeError(f'{name}.__new__() takes {takes} positional arguments but {len(args) + 1} were given')
        values = list(args)
        missing = []
        for field in fields[len(args):]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in _cls._field_defaults:
                values.append(_cls._field_defaults[field])
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
        return tuple.__new__(_cls, values)

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(result)}')
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, self._fields, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __repr__(self):
        inner = ', '.join(f'{f}={v!r}' for f, v in zip(self._fields, self))
        return f'{self.__class__.__name__}({inner})'

    def __getnewargs__(self):
        return tuple(self)


_NAMEDTUPLE_METHODS = ('__new__', '_make', '_replace', '_asdict', '__repr__', '__getnewargs__')


def _is_identifier(name):
    # str.isidentifier for the ASCII names namedtuple fields use.
    return bool(name) and not name[0].isdigit() and all(c == '_' or c.isalnum() for c in name)


def _field_property(index, name):
    prop = property(lambda self: tuple.__getitem__(self, index))
    return prop


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new class of tuples whose items are also reachable by name."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        names = list(field_names)
        for index, name in enumerate(names):
            if (not _is_identifier(name) or name.startswith('_') or name in seen):
                names[index] = f'_{index}'
            seen.add(name)
        field_names = tuple(names)
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
    namespace = {name: vars(_TupleBase)[name] for name in _NAMEDTUPLE_METHODS}
    namespace['__doc__'] = f"{typename}({', '.join(field_names)})"
    namespace['__slots__'] = ()
    namespace['_fields'] = field_names
    namespace['_field_defaults'] = field_defaults
    namespace['__match_args__'] = field_names
    for index, name in enumerate(field_names):
        namespace[name] = _field_property(index, name)
    if module is not None:
        namespace['__module__'] = module
    return type(typename, (tuple,), namespace)
