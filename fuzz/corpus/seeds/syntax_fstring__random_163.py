v = f'{x y}{"a"}{x}}\t' 'x'
