total = 10


def add_to_total(x):
    total = total + x
    return total


try:
    add_to_total(5)
except UnboundLocalError as e:
    print("caught:", e)


def uses_global_later():
    print(undefined_global)


uses_global_later()
