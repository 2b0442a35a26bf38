x = 10
name = "pvm"
width = 8
print(f"{x=}")
print(f"{name!r:>{width}}")
print(f"{x:08.3f}|{x:#x}|{x:,}")
print(f"{'nested'} {f'{x}'}")
print(f"{x}{x}{x}")
print(f"a{{b}}c")
print(f"{x if x else 0}")
d = {"k": 1}
print(f"{d['k']} {[1, 2][0]}")
