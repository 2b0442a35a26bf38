# GET_ITER of a range, list or tuple and FOR_ITER's end of such a loop are
# answered inside run mode's loop: the same items, the same exhausted
# iterators (a list iterator that ended stays ended, even after the list
# grows), and the other iterables still take the general path.

def loops():
    out = []
    for i in range(3):
        out.append(i)
    for i in range(10, 0, -4):
        out.append(i)
    for i in range(5, 5):
        out.append("never")
    for x in [1, "a", None]:
        out.append(x)
    for x in ():
        out.append("never")
    for x in (7, 8):
        out.append(x)
    for x in "ab":
        out.append(x)
    for k in {"k": 1}:
        out.append(k)
    print(out)


def growing():
    items = [1, 2]
    for x in items:
        if len(items) < 5:
            items.append(x * 10)
    print(items)
    it = iter(items)
    print(list(it), list(it))
    items.append(99)
    print(next(it, "ended"))
    t = (1, 2)
    ti = iter(t)
    for x in ti:
        pass
    print(next(ti, "ended"), x)


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i + 1, n):
            for k in [i, j]:
                total += k
    print(total)


class Seq(list):
    def __iter__(self):
        print("Seq.__iter__")
        return super().__iter__()


def subclasses():
    for x in Seq([4, 5]):
        print(x)
    r = range(2)
    it = iter(r)
    print(type(it).__name__, list(it), list(it), type(iter([])).__name__, type(iter(())).__name__)


def bad():
    for bad in (3, None, 2.5):
        try:
            for x in bad:
                pass
        except TypeError as e:
            print(e)


loops()
growing()
nested(6)
subclasses()
bad()
for i in range(2):
    for j in (i, i + 1):
        print(i, j)
