g = 1
def f():
    global g
    x = 1
    del x
    del g
    l = [1, 2, 3]
    del l[0], l[0]
    return l
print(f())
class A:
    y = 2
    del y
a = A()
a.z = 1
del a.z
