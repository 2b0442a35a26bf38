# Reading a local variable before it is assigned.
count = 10


def bump():
    print("bumping")
    count = count + 1
    return count


bump()
