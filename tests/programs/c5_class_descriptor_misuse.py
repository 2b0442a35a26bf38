class Celsius(float):
    pass


c = Celsius(20.5)
print(str.upper("x"), float.__add__(c, 1.0), float.__repr__(c), int.__add__(True, 2))
print(type(float.__add__).__name__, float.__add__.__name__, float.__add__.__qualname__)
for call in (lambda: str.upper(5), lambda: list.append((), 1), lambda: int.__add__(1.5, 1)):
    try:
        call()
    except TypeError as e:
        print(e)
str.lower()
