a = f"{x!r:^{w}.{p}}"
b = f'{x:%Y-%m-%d}'
c = f"{'a' if x else 'b'}"
d = f"{x:{'>'}10}"
e = f"{{}}"
f = f"{{{x}}}"
g = f"a{{b}}c{d}e"
h = f"{x = }"
i = f"{x=:>10}"
j = f"{x=!a}"
k = f"{'\n'.join(y)}"
l = f"{x}" f"{y}" "z"
m = f"""{
x
}"""
n = f"{x:{y}}" "tail"
o = f"{a}{b}{c}"
p = f'{d["k"]}'
q = f"{x:>{w}}{y!s}"
r = F"{x}" + Rf"\d{y}"
t = f"\N{BULLET} {x}"
u = f"{x:\n}"
