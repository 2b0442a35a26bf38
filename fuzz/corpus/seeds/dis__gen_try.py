def gen():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
def gen2(n):
    for i in range(n):
        try:
            x = yield i
        except GeneratorExit:
            return
        print("got", x)
g = gen()
print(next(g))
g.close()
h = gen2(3)
print(next(h), h.send("a"))
