"""Abstract base classes: ABCMeta, ABC and abstractmethod.

ABCMeta records a class's abstract methods in `__abstractmethods__`; like
CPython, object.__new__ refuses to instantiate a class while that set is not
empty (pvm's VM does the check).
"""


def abstractmethod(funcobj):
    """Mark a method abstract: subclasses must override it."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABCMeta(type):
    """Metaclass of the abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, key, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

    def register(cls, subclass):
        """pvm keeps no virtual subclasses: returns `subclass` as CPython does."""
        return subclass


class ABC(metaclass=ABCMeta):
    """Derive from ABC to get abstract-method checking."""

    __slots__ = ()
