import sys
command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case ["quit"]:
        print("bye")
    case _:
        print("?")
value = 3
match value:
    case 1:
        pass
    case sys.maxsize:
        print("max")
    case x:
        print("captured", x)
match value:
    case _:
        print("always")
