name = "World"
n = 42
pi = 3.14159
print(f"Hello, {name}!")
print(f"{n} {n!r} {n!s} {name!a}")
print(f"{pi:.2f} {n:>5} {n:{n}}")
print(f"{n + 1} and {name.upper()}")
print(f"")
print(f"plain")
print(f"{n}")
print("%s is %r" % (name, n))
