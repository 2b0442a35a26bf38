v = f'abc' 'x'
