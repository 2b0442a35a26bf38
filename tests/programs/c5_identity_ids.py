# id(): stable for an object's lifetime, distinct for objects alive together
things = [[], [], {}, "text", 3.5, (1,), None, 7, b"raw"]
ids = [id(x) for x in things]
print(len(set(ids)) == len(ids), "(all distinct)")
print(all(id(x) == i for x, i in zip(things, ids)), "(stable)")
box = [1, 2]
before = id(box)
box.append(3)
box += [4]
print(id(box) == before, "(mutation keeps the object)")
text = "ab"
old = id(text)
text += "c"
print(id(text) == old, "(str += makes a new object)")
count = 10
alias = count
print(id(count) == id(alias), id(count) == id(10))
class Point:
    pass
p = Point()
q = p
print(id(p) == id(q), id(p) == id(Point()), p is q)
print(type(id(p)).__name__, id(p) > 0)
