try:
    import numpy
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import collections.nope
except ImportError as e:
    print(type(e).__name__, e)
import no_such_module_here as nm
