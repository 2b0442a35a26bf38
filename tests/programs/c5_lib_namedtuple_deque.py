from collections import namedtuple, deque, OrderedDict

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x + p.y, p._asdict(), p._replace(x=10))
x, y = p
print(x, y, Point._fields)

window = deque(maxlen=3)
for n in range(6):
    window.append(n)
    print(list(window), sum(window) / len(window))

d = deque([1, 2, 3])
d.rotate(1)
print(d, d.popleft(), d.pop())

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od.move_to_end("b")
print(list(od.items()), od.popitem(last=False))
