def f(x):
    if x:
        return 'crlf'
    return 0
print(f(1))
print('''a
b''')
