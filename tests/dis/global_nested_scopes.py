x = "global"
def f():
    x = "f local"
    def g():
        global x
        def h():
            return x
        return h
    return g
print(f()()())
def a():
    x = "a"
    def b():
        global x
        x = "set by b"
        def c():
            return x
        class K:
            y = x
            def m(self):
                return x
        return c(), K.y, K().m()
    return b()
print(a(), x)
def outer():
    v = 1
    class C:
        v = 2
        def get(self):
            return v
        w = [v for _ in range(2)]
    return C().get(), C.w
print(outer())
def n1():
    z = 0
    def n2():
        nonlocal z
        z += 1
        def n3():
            nonlocal z
            z += 10
            return z
        return n3()
    return n2(), z
print(n1())
class G:
    global gg
    gg = 1
    def m(self):
        return gg
print(G().m(), gg)
def f():
    global q
    q = [lambda: q for _ in range(1)]
    return q[0]() is q
print(f())
def h():
    t = 1
    def i():
        del_me = t
        return del_me
    t = 2
    return i()
print(h())
