from functools import wraps

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print('calling', func.__name__, args)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    "Add two numbers."
    return a + b

print(add(2, 3))
print(add.__name__, add.__doc__)
