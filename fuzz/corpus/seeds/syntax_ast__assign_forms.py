a = b = c = 1
a, b = b, a
(a, b) = 1, 2
[a, b] = [1, 2]
a, *b = x
x.y = 1
x[1] = 2
x[1:2] = y
a, = t
x = 1,
x = ()
