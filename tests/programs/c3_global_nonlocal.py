count = 0
def bump():
    global count
    count += 1
bump(); bump()
print(count)
def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    inc(); inc()
    return x, inc()
print(outer())
def make():
    global made
    made = "yes"
make()
print(made)
