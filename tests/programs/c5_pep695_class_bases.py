class Base1: pass
class Base2: pass
bases = (Base1, Base2)
kw = {}
class A[T](*bases): pass
class B[T](Base1, **kw): pass
class C[T](*bases, metaclass=type, **kw): pass
class D[T](*(), Base1): pass
print(A.__mro__, B.__orig_bases__, C.__bases__, D.__bases__)
