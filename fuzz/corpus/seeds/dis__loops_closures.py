funcs = []
for i in range(3):
    def f(i=i):
        return i
    funcs.append(f)
def make():
    out = []
    for j in range(3):
        out.append(lambda: j)
    return out
print([f() for f in funcs], [g() for g in make()])
