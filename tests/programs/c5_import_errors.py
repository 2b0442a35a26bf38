try:
    from math import tau, nope
except ImportError as e:
    print("ImportError:", e)

try:
    import not_a_module.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

from math import *
print(floor(3.9), ceil(3.1), pi > 3)

import missing_module_here
