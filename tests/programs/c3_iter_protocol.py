it = iter([10, 20])
print(it.__next__(), next(it), iter(it) is it, it.__iter__() is it)
for make in (lambda: iter((1,)), lambda: iter("a"), lambda: iter(range(1)), lambda: iter({5: 6}),
             lambda: iter({5: 6}.values()), lambda: iter({5: 6}.items()), lambda: iter({7}),
             lambda: reversed([1]), lambda: enumerate("x"), lambda: zip("a", "b"),
             lambda: map(abs, [-1]), lambda: filter(None, [3])):
    i = make()
    first = i.__next__()
    try:
        i.__next__()
    except StopIteration as e:
        print(type(i).__name__, first, "then StopIteration", e.args)
