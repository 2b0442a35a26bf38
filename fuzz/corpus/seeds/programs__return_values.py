# return with and without a value; early return; falling off the end.
def nothing():
    pass


def bare():
    return


def early(n):
    if n > 0:
        return "positive"
    print("not positive")
    return "done"


def first_even(values):
    for v in values:
        if v % 2 == 0:
            return v
    return None


print(nothing())
print(bare())
print(early(5))
print(early(-5))
print(first_even([1, 3, 8, 5, 6]))
print(first_even([1, 3]))
