s = "a,b,c"
parts = s.split(",")
print(parts, "-".join(parts), s.upper().lower())
l = []
l.append(1)
l.extend([2, 3])
print(l.pop(), l.index(1), l)
import math
print(math.sqrt(16), math.floor(2.5))
