try:
    import numpy
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import collections.nope
except ImportError as e:
    print(type(e).__name__, e)
import pandas as pd
