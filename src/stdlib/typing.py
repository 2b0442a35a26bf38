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

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


def _union(left, right):
    """left | right where one side is a TypeVar or a Union: typing.Union[...], flattened."""
    params = []
    for side in (left, right):
        if isinstance(side, _Alias) and side._name == 'Union':
            params.extend(side._params)
        else:
            params.append(side)
    return Union[tuple(params)]


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


class _NotABase:
    """Type variables cannot be base classes (`class A[T](T)`)."""

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass an instance of {type(self).__name__}')


class TypeVar(_NotABase):
    """A type variable: TypeVar('T'), or the T of `def f[T]` (PEP 695), whose
    bound or constraints are computed only when first asked for."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False):
        self.__name__ = name
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
        self.__infer_variance__ = infer_variance
        self._bound = bound
        self._constraints = constraints
        self._lazy_bound = None
        self._lazy_constraints = None

    @property
    def __bound__(self):
        if self._lazy_bound is not None:
            self._bound = self._lazy_bound()
            self._lazy_bound = None
        return self._bound

    @property
    def __constraints__(self):
        if self._lazy_constraints is not None:
            self._constraints = tuple(self._lazy_constraints())
            self._lazy_constraints = None
        return self._constraints

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __repr__(self):
        if self.__infer_variance__:
            return self.__name__
        return ('+' if self.__covariant__ else '-' if self.__contravariant__ else '~') + self.__name__


class _Unpacked:
    """*Ts: what unpacking a TypeVarTuple gives."""

    def __init__(self, of):
        self._of = of

    def __repr__(self):
        return f'typing.Unpack[{self._of.__name__}]'


class TypeVarTuple(_NotABase):
    """A variadic type variable: TypeVarTuple('Ts'), or the *Ts of `def f[*Ts]`."""

    def __init__(self, name):
        self.__name__ = name

    def __iter__(self):
        yield _Unpacked(self)

    def __repr__(self):
        return self.__name__


class _ParamSpecPart:
    """P.args and P.kwargs."""

    def __init__(self, of, part):
        self.__origin__ = of
        self._part = part

    def __repr__(self):
        return f'{self.__origin__.__name__}.{self._part}'


class ParamSpec(_NotABase):
    """A parameter specification variable: ParamSpec('P'), or the **P of `def f[**P]`."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False, infer_variance=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
        self.__infer_variance__ = infer_variance

    @property
    def args(self):
        return _ParamSpecPart(self, 'args')

    @property
    def kwargs(self):
        return _ParamSpecPart(self, 'kwargs')

    def __repr__(self):
        if self.__infer_variance__:
            return self.__name__
        return ('+' if self.__covariant__ else '-' if self.__contravariant__ else '~') + self.__name__


class _GenericAlias:
    """A generic class or type alias subscripted: Box[int], Pair[str]."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        # class Box(Generic[T]) derives from Generic; class C(Box[int]) from Box.
        return () if self.__origin__ in bases else (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __repr__(self):
        origin = self.__origin__
        name = _type_repr(origin) if isinstance(origin, type) else repr(origin)
        return f"{name}[{', '.join(_type_repr(a) for a in self.__args__)}]"


class Generic:
    """Base for generic classes: Generic[T] is Generic; a generic class
    subscripted (Box[int]) gives an alias of it."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls, params)


class TypeAliasType:
    """What a `type` statement makes: TypeAliasType('Alias', value), whose
    value a `type` statement computes only when first asked for."""

    def __init__(self, name, value, *, type_params=()):
        self.__name__ = name
        self._value = value
        self._lazy_value = None
        self.__type_params__ = type_params

    @property
    def __value__(self):
        if self._lazy_value is not None:
            self._value = self._lazy_value()
            self._lazy_value = None
        return self._value

    @property
    def __parameters__(self):
        return self.__type_params__

    def __getitem__(self, params):
        if not self.__type_params__:
            raise TypeError('Only generic type aliases are subscriptable')
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self, params)

    def __repr__(self):
        return self.__name__


# What the CALL_INTRINSIC instructions of PEP 695 code call (src/vm/typeparams.rs).

def _intrinsic_typevar(name, lazy_bound=None, lazy_constraints=None):
    tv = TypeVar(name, infer_variance=True)
    tv._lazy_bound = lazy_bound
    tv._lazy_constraints = lazy_constraints
    return tv


def _intrinsic_paramspec(name):
    return ParamSpec(name, infer_variance=True)


def _intrinsic_typealias(name, type_params, lazy_value):
    alias = TypeAliasType(name, None, type_params=() if type_params is None else type_params)
    alias._lazy_value = lazy_value
    return alias


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


import collections as _collections


class NamedTupleMeta(type):
    """class Point(NamedTuple): x: int; y: int = 0 -- makes collections.namedtuple('Point', ...)."""

    def __new__(cls, typename, bases, ns):
        annotations = ns.get('__annotations__', {})
        fields = list(annotations)
        defaults = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                s = 's' if len(defaults) > 1 else ''
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field{s} {', '.join(fields[:fields.index(name)][-len(defaults):])}")
        nm_tpl = _collections.namedtuple(typename, fields, defaults=defaults, module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = annotations
        for key, value in ns.items():
            if key in ('__module__', '__qualname__', '__annotations__', '__orig_bases__') or key in fields:
                continue
            setattr(nm_tpl, key, value)
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: NamedTuple('Point', [('x', int), ('y', int)])."""
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    nm_tpl = _collections.namedtuple(typename, [name for name, _ in fields])
    nm_tpl.__annotations__ = dict(fields)
    return nm_tpl


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)
