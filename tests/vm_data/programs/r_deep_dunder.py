class N:
    def __init__(s, d):
        s.d = d
    def __eq__(s, o):
        return s.d == 0 or N(s.d - 1) == o
print(N(12) == 1)
def f(n):
    return n if n == 0 else sum(map(lambda x: f(x), [n - 1]))
print(f(10))

