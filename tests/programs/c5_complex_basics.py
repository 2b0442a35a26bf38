# complex numbers: literals, arithmetic, repr, abs, real/imag, complex()
z = 1 + 2j
w = 3 - 4j
print(z, w, type(z).__name__, z.real, z.imag, z.conjugate())
print(z + w, z - w, z * w, z / w, -z, +z, abs(w))
print(z ** 2, z ** -2, z ** 0.5, 2 ** z, 1j ** 2, (1 + 2j) ** (1 + 1j))
print(z + 1, 1 + z, z * 2.5, 1.5 / z, True + z, sum([1j, 2j, 3]))
print(z == 1 + 2j, z != w, (1 + 0j) == 1, 2.0 == 2 + 0j, {1 + 0j: "one"}[1], bool(0j), bool(z))
print(complex(), complex(1), complex(1, 2), complex(1.5, -0.0), complex(z), complex(1j, 1j))
print(complex("1+2j"), complex(" 3j "), complex("-1.5e3-2J"), complex("(1+2j)"), complex("-j"))
print(repr(-0j), repr(complex(-0.0, 1)), 1e300j * 1e300j, 1e308j * 10, str(z), f"{w}")
roots = [complex(x, y) for x in (-1, 1) for y in (-1, 1)]
print(roots, [abs(r) ** 2 for r in roots])
for bad in (lambda: z // 2, lambda: z % 2, lambda: z < w, lambda: int(z), lambda: float(z),
            lambda: complex("abc"), lambda: complex("1", 2), lambda: complex([]), lambda: 0j ** -1):
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(f"{z:.2f}", format(w, ">12"), f"{2j:+}", "{:^14.3e}".format(z), format(z, "g"))
