name = "Ada"
n = 42
pi = 3.14159
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:>+5}|{n:05}|{n:x}|{n:#o}|{n:b}|{n:,}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:e}|{pi:g}|{pi:%}|{1234567.891:,.2f}")
w, p = 10, 3
print(f"[{pi:{w}.{p}f}]  [{name:*^{w}}]")
print(f"{n=}, {pi=:.1f}, {name = }, {n + 1=}")
print(f"{{literal}} {n}{{}}")
print(f"{'nested' + f'{n}'}")
print(f"{[1, 2][0]} {dict(a=1)['a']} {n if n else 0}")
