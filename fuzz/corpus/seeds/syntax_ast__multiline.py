x = (1 +
     2)
y = [
    1,
    2,
]
z = f(a,
      b)
s = 'a' \
    'b'
if a and \
   b:
    pass
