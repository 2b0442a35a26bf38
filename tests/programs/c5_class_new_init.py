class A:
    pass


class B:
    def __init__(self, v):
        super().__init__()
        self.v = v


class C:
    def __new__(cls, *args):
        print("C.__new__", args)
        return super().__new__(cls)


print(type(A()).__name__, B(3).v, type(C(1, 2)).__name__)


class D:
    def __init__(self):
        return None


print(type(D()).__name__)
try:
    B(1).__init__(1, 2)
except TypeError as e:
    print(e)
try:
    object.__init__(B(1), 5)
except TypeError as e:
    print(e)
try:
    list.append(5, 1)
except TypeError as e:
    print(e)
try:
    class Bad(bool):
        pass
except TypeError as e:
    print(e)
try:
    class Mixed(int, str):
        pass
except TypeError as e:
    print(e)
A(1)
