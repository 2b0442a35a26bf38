"""Names for type hints. pvm does not check types; these only need to exist,
subscript (List[int]) and print sensibly."""


class _Special:
    """A typing name such as List or Optional; subscripting gives an alias."""

    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Type {self._name} cannot be instantiated')

    def __repr__(self):
        return 'typing.' + self._name


def _type_repr(t):
    if isinstance(t, type):
        return t.__name__ if t.__module__ == 'builtins' else f'{t.__module__}.{t.__qualname__}'
    if t is None:
        return 'None'
    return repr(t)


class _Alias(_Special):
    def __init__(self, name, params):
        self._name = name
        self._params = params

    def __repr__(self):
        return f"typing.{self._name}[{', '.join(_type_repr(p) for p in self._params)}]"


Any = _Special('Any')
Union = _Special('Union')
Optional = _Special('Optional')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Tuple = _Special('Tuple')
Type = _Special('Type')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
Sequence = _Special('Sequence')
Mapping = _Special('Mapping')
Deque = _Special('Deque')
DefaultDict = _Special('DefaultDict')
Counter = _Special('Counter')
Literal = _Special('Literal')
Final = _Special('Final')
ClassVar = _Special('ClassVar')
NoReturn = _Special('NoReturn')
Self = _Special('Self')
TYPE_CHECKING = False


class TypeVar:
    """A type variable: TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class Generic:
    """Base for generic classes; Generic[T] is Generic."""


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


from collections import _TupleBase


class NamedTuple(_TupleBase):
    """class Point(NamedTuple): x: int; y: int = 0 -- a namedtuple from annotations.

    pvm does not run __init_subclass__ yet, so the fields are read from the
    class's annotations when the first instance is made.
    """

    def __init__(self, *args, **kwargs):
        cls = type(self)
        if '_fields' not in vars(cls):
            annotations = vars(cls).get('__annotations__', {})
            cls._fields = tuple(annotations)
            cls._field_defaults = {name: vars(cls)[name] for name in annotations if name in vars(cls)}
        _TupleBase.__init__(self, *args, **kwargs)
        for name, value in zip(cls._fields, self._values):
            setattr(self, name, value)
