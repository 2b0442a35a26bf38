v = f'\n' 'x'
