def outer():
    x = 1
    y = 2
    def inner(z):
        return x + z
    def other():
        return y
    return inner(3) + other()
print(outer())
def param_cell(a):
    def get():
        return a
    return get
print(param_cell(7)())
