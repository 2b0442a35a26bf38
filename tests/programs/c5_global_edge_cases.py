counter = 0
log = []


def bump(n=1):
    global counter
    counter += n
    return counter


def reset():
    global counter, log
    counter = 0
    log = ["reset"]


def create():
    global made_later
    made_later = "created inside a function"


bump()
bump(5)
print(counter)
reset()
print(counter, log)
create()
print(made_later)


def reader():
    return counter + 100


print(reader())


class Registry:
    global counter
    counter = 42
    items = []


print(counter, Registry.items)


def shadow():
    counter = "local"
    return counter


print(shadow(), counter)
