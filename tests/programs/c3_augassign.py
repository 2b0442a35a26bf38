class C:
    pass
c = C()
c.n = 10
c.n += 5
c.n //= 4
print(c.n)
d = {"a": 1}
d["a"] += 10
d["a"] *= 3
print(d)
l = [1, 2, 3]
l[1] -= 7
l += [4]
print(l)
x = 7
x **= 2; x %= 10; x <<= 3; x >>= 1; x |= 1; x &= 0xff; x ^= 5
print(x)
s = "ab"
s *= 3
print(s)
