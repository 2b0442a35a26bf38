a = f'hello {name}!'
b = f"{x!r} {y!s} {z!a}"
c = f'{x:>10}'
d = f'{x:{width}.{prec}f}'
e = f'{x=}'
f = f'{ x = }'
g = f'{x=!s:>4}'
h = f'{{literal}} {x}'
i = f'{"nested"}'
j = f'{f"{inner}"}'
k = f"{a['key']}"
l = f'abc' 'def' f'{x}'
m = f''
n = 'plain' f'{x}' 'tail'
o = f'{x}{y}'
p = rf'\n{x}'
q = f'{x!r:{w}}'
r = f'''multi
{line}
'''
s = f'{1 + 2}'
t = f'{x:}'
