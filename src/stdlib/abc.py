"""Abstract base classes: ABC and abstractmethod.

A class deriving from ABC cannot be instantiated while it (or a base) has
abstract methods that no subclass overrides.
"""


def abstractmethod(funcobj):
    """Mark a method abstract: subclasses must override it."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstract_methods(cls):
    names = []
    seen = set()
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            if name in seen:
                continue
            seen.add(name)
            if getattr(value, '__isabstractmethod__', False):
                names.append(name)
    return sorted(names)


class ABCMeta(type):
    """The metaclass name CPython uses; pvm checks abstract methods in ABC.__new__."""


class ABC:
    """Derive from ABC to get abstract-method checking."""

    def __new__(cls, *args, **kwargs):
        missing = _abstract_methods(cls)
        if missing:
            s = '' if len(missing) == 1 else 's'
            listed = ', '.join(f"'{m}'" for m in missing)
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} without an implementation for abstract method{s} {listed}")
        return object.__new__(cls)
