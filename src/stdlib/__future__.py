"""The features `from __future__ import NAME` can turn on. The compiler reads
those imports itself; at run time the statement still imports this module, so
each name must exist, with the release data and compiler flag CPython gives it."""


class _Feature:
    def __init__(self, optional, mandatory, compiler_flag):
        self.optional = optional
        self.mandatory = mandatory
        self.compiler_flag = compiler_flag

    def getOptionalRelease(self):
        """The first release in which the feature was accepted."""
        return self.optional

    def getMandatoryRelease(self):
        """The release in which it became the only behaviour (None: not yet)."""
        return self.mandatory

    def __repr__(self):
        return f'_Feature({self.optional!r}, {self.mandatory!r}, {self.compiler_flag!r})'


nested_scopes = _Feature((2, 1, 0, 'beta', 1), (2, 2, 0, 'alpha', 0), 0x10)
generators = _Feature((2, 2, 0, 'alpha', 1), (2, 3, 0, 'final', 0), 0)
division = _Feature((2, 2, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 0x20000)
absolute_import = _Feature((2, 5, 0, 'alpha', 1), (3, 0, 0, 'alpha', 0), 0x40000)
with_statement = _Feature((2, 5, 0, 'alpha', 1), (2, 6, 0, 'alpha', 0), 0x80000)
print_function = _Feature((2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 0x100000)
unicode_literals = _Feature((2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 0x200000)
barry_as_FLUFL = _Feature((3, 1, 0, 'alpha', 2), (4, 0, 0, 'alpha', 0), 0x400000)
generator_stop = _Feature((3, 5, 0, 'beta', 1), (3, 7, 0, 'alpha', 0), 0x800000)
annotations = _Feature((3, 7, 0, 'beta', 1), None, 0x1000000)

all_feature_names = ['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement',
                     'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop',
                     'annotations']
__all__ = ['all_feature_names'] + all_feature_names
