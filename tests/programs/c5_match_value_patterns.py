class Color:
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


import math


def name(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case Color.BLUE:
            return "calm"
        case math.pi:
            return "pi!"
        case _:
            return "?"

for c in ["red", "green", "blue", math.pi, 3]:
    print(c, name(c))
