b0=b1=b2=b3=b4=b5=b6=b7=b8=b9=b10=b11=b12=b13=b14=b15=b16=b17=b18=b19=b20=b21=b22=b23=b24=b25=b26=b27=b28=b29=b30=b31=b32=b33=b34=object
class Base1: pass
class Base2: pass
bases = (Base1, Base2)
kw = {}
class A[T](*bases): pass
class B[T](Base1, **kw): pass
class C[T](*bases, metaclass=type, **kw): pass
class D[T](*(), Base1): pass
print(A.__mro__, B.__orig_bases__, C.__bases__, D.__bases__)
class E[T](b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24, b25, b26, b27, b28, b29, b30, b31, b32, b33, b34): pass
