a < b <= c > d >= e == f != g
x in y
x not in y
x is None
x is not None
a and b or c and not d
a or b or c
a and (b or c)
