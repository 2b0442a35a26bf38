# --- case 1
type X = X
print(X.__value__)

# --- case 3
def f[T](T): return T
print(f(3))

# --- case 5
class C[T]:
    T = 1
    def m(self) -> T: pass
print(C.m.__annotations__)

# --- case 6
type A[T] = T
print(A[int], A.__value__)

# --- case 7
def f[*Ts](): pass
Ts, = f.__type_params__
print(*Ts)

# --- case 8
def f[**P](): pass
P, = f.__type_params__
print(P.args, P.kwargs, P.__bound__)

# --- case 9
x = [1]
type L = x[0]
x = [2]
print(L.__value__)

# --- case 11
class B:
    type A = B
print(B.A.__value__)

# --- case 12
def f[T: int](): pass
T, = f.__type_params__
print(T.__constraints__, T.__bound__, T.__covariant__, T.__infer_variance__)

# --- case 14
type A = int
print(isinstance(A, type), A == A, type(A))

# --- case 16
def f[T]():
    T = 1
    return T
print(f())

class C[T]:
    print(__type_params__, T)

try:
    class Sub[T](T): pass
except TypeError as e:
    print('TypeError:', e)

def g():
    type Inner = undefined
    return Inner
print(g().__value__)
