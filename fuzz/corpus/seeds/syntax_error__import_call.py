import math.sqrt()
