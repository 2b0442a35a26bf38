"""dataclass: __init__, __repr__, __eq__ (and ordering, frozenness) from annotations.

CPython generates these methods' source and exec()s it; pvm builds them as
closures over the class's fields instead, with CPython's error messages.
"""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'fields', 'asdict', 'astuple', 'replace',
           'is_dataclass', 'MISSING']


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    """One field of a dataclass: its name, type, default and options."""

    def __init__(self, default, default_factory, init, repr, hash, compare, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.kw_only = kw_only

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},kw_only={self.kw_only!r})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          kw_only=MISSING):
    """Options for one field: default, default_factory, init, repr, compare."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, kw_only)


def _collect_fields(cls):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, '__dataclass_fields__', {}).values():
            fields[f.name] = f
    annotations = vars(cls).get('__annotations__', {})
    for name, type_ in annotations.items():
        default = vars(cls).get(name, MISSING)
        f = default if isinstance(default, Field) else field(default=default)
        f.name = name
        f.type = type_
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)!r} for field {name} is not allowed: '
                             'use default_factory')
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    return fields


def _make_init(cls, fields, frozen):
    params = [f for f in fields if f.init]
    positional = [f for f in params if f.kw_only is not True]
    seen_default = None
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = f
        elif seen_default is not None:
            raise TypeError(f"non-default argument '{f.name}' follows default argument '{seen_default.name}'")
    qualname = cls.__qualname__ + '.__init__'
    required = sum(1 for f in positional if f.default is MISSING and f.default_factory is MISSING)

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            if required == len(positional):
                takes = f'{len(positional) + 1} positional argument' + ('s' if len(positional) else '')
            else:
                takes = f'from {required + 1} to {len(positional) + 1} positional arguments'
            raise TypeError(f'{qualname}() takes {takes} but {len(args) + 1} were given')
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if not any(f.name == name for f in params):
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            if name in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            values[name] = value
        missing = [f.name for f in params if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            names = [repr(m) for m in missing]
            listed = names[0] if len(names) == 1 else ', '.join(names[:-1]) + ' and ' + names[-1]
            s = '' if len(missing) == 1 else 's'
            raise TypeError(f'{qualname}() missing {len(missing)} required positional argument{s}: {listed}')
        for f in fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        post_init = getattr(self, '__post_init__', None)
        if post_init is not None:
            post_init()

    return __init__


def _frozen_hooks(cls, names):
    """__setattr__ and __delattr__ refusing the fields, as CPython's frozen dataclasses."""

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _values(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields)


def _process_class(cls, init, repr, eq, order, frozen):
    fields = _collect_fields(cls)
    cls.__dataclass_fields__ = fields
    all_fields = list(fields.values())
    compared = [f for f in all_fields if f.compare]
    if frozen:
        cls.__setattr__, cls.__delattr__ = _frozen_hooks(cls, tuple(fields))
    if init:
        cls.__init__ = _make_init(cls, all_fields, frozen)
        # As CPython's match_args=True: positional sub-patterns in `case Point(x, y)`.
        if '__match_args__' not in vars(cls):
            cls.__match_args__ = tuple(f.name for f in all_fields if f.init)
    if repr:
        def __repr__(self):
            shown = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in all_fields if f.repr)
            return f'{type(self).__qualname__}({shown})'

        cls.__repr__ = __repr__
    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _values(self, compared) == _values(other, compared)
            return NotImplemented

        cls.__eq__ = __eq__
        if frozen:
            cls.__hash__ = lambda self: hash(_values(self, compared))
        else:
            cls.__hash__ = None
    if order:
        def comparison(op):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(_values(self, compared), _values(other, compared))
                return NotImplemented
            return compare

        cls.__lt__ = comparison(lambda a, b: a < b)
        cls.__le__ = comparison(lambda a, b: a <= b)
        cls.__gt__ = comparison(lambda a, b: a > b)
        cls.__ge__ = comparison(lambda a, b: a >= b)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add generated special methods to a class from its annotated fields."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, frozen)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or one of its instances."""
    try:
        return tuple(class_or_instance.__dataclass_fields__.values())
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _as(obj, factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return factory((f.name, _as(getattr(obj, f.name), factory)) for f in fields(obj))
    if isinstance(obj, list):
        return [_as(v, factory) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_as(v, factory) for v in obj)
    if isinstance(obj, dict):
        return {_as(k, factory): _as(v, factory) for k, v in obj.items()}
    return obj


def asdict(obj):
    """The dataclass instance as a dict (recursively)."""
    if not is_dataclass(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _as(obj, dict)


def astuple(obj):
    """The dataclass instance as a tuple (recursively)."""
    if not is_dataclass(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple(v for _, v in _as(obj, list))


def replace(obj, /, **changes):
    """A new instance like obj with some fields changed."""
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
