def shout(fn):
    def wrapper(*a):
        return fn(*a).upper()
    return wrapper
def repeat(n):
    def deco(fn):
        def inner(x):
            return [fn(x)] * n
        return inner
    return deco
@shout
def greet(name):
    return "hi " + name
@repeat(3)
@shout
def tag(x):
    return x
print(greet("bob"))
print(tag("a"))
def register(cls):
    cls.registered = True
    return cls
@register
class K:
    pass
print(K.registered)
