def f[A, B, C]() -> A | B | C: pass
T = f.__type_params__
print(f.__annotations__, T[0] | int, int | T[0], T[0] | T[1], (T[0] | T[1]) | T[2])
