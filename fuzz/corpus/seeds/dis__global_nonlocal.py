counter = 0
def bump():
    global counter
    counter += 1
def outer():
    value = 1
    def set_it():
        nonlocal value
        value = 2
    set_it()
    return value
bump()
bump()
print(counter, outer())
