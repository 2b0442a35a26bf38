a = 'single'
b = "double"
c = '''triple'''
d = """triple
double"""
e = 'con' "cat" '''enation'''
f = b'bytes' b"more"
g = r'raw\n'
h = 'esc\n\t\\\'\x41\u00e9\U0001F600\101'
i = rb'raw bytes\x00'
j = 'a\
b'
k = ''
