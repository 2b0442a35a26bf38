s = "abcdefgh"
print(s[1:4], s[:3], s[5:], s[-3:], s[::2], s[::-1], s[1:-1:3])
l = list(range(10))
print(l[2:8:2], l[-2:], l[:-7], l[100:], l[::-3])
t = tuple(l)
print(t[3:5])
sl = slice(1, 5, 2)
print(l[sl], sl, sl.start, sl.stop, sl.step)
print(slice(3), slice(None, None, -1).indices(5))
i, j = 2, 4
print(s[i:j], s[i:], l[:j])
