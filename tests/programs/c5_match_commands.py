inventory = []
room = "hall"


def handle(line):
    global room
    match line.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            room = direction + " room"
            return f"you go {direction}"
        case ["go", where]:
            return f"you can't go {where}"
        case ["take", *things] if things:
            inventory.extend(things)
            return f"taken: {', '.join(things)}"
        case ["take"]:
            return "take what?"
        case ["look"]:
            return f"you are in the {room}"
        case ["inventory" | "inv"]:
            return f"you carry {inventory}"
        case ["quit"]:
            return "bye"
        case _:
            return f"I don't understand {line!r}"

for line in ["look", "go north", "go up", "take lamp key", "take", "inv", "dance", "quit"]:
    print(">", line)
    print(handle(line))
