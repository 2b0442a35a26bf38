e = f'{lambda: 1}'
