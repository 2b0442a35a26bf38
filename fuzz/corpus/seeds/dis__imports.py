import math
import os.path
import collections.abc as cabc
from math import pi, sqrt as root
from collections import *
print(math.pi, root(4), pi, os.path.join("a", "b"), cabc.Sequence)
