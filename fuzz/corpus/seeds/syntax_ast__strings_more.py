a = 'a' 'b' 'c'
b = b'a' b'b'
c = '\N{BULLET}'
d = '\0\07\077\777'
e = '\a\b\f\v\r'
f = """a
b\
c"""
g = '\u00e9\U0001f600'
h = r'\''
i = 'tab\there'
