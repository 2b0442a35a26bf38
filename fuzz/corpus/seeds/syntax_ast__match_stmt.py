match command:
    case "quit":
        pass
    case Point(x=0, y=0):
        pass
    case [x, y, *rest]:
        pass
    case {"a": 1, **rest}:
        pass
    case 1 | 2 | 3:
        pass
    case (a, b):
        pass
    case Point(1, 2) as p:
        pass
    case -1:
        pass
    case 1 + 2j:
        pass
    case None:
        pass
    case Color.RED:
        pass
    case _ if x > 1:
        pass
    case _:
        pass
