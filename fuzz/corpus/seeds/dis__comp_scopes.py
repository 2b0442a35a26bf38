def f(n):
    factor = 3
    scaled = [x * factor for x in range(n)]
    matrix = [[i * j for j in range(n)] for i in range(n)]
    flat = [v for row in matrix for v in row if v]
    funcs = [lambda: factor + x for x in range(2)]
    gen = list(x + factor for x in range(n))
    keys = {k: [k] * 2 for k in "ab"}
    return scaled, matrix, flat, [fn() for fn in funcs], gen, keys
print(f(3))
