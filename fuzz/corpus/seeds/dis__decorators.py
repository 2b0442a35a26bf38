def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
def with_arg(tag):
    def d(fn):
        fn.tag = tag
        return fn
    return d
@deco
def hello():
    return "hi"
@with_arg("t")
@deco
def both(x):
    return x
print(hello(), both(1))
