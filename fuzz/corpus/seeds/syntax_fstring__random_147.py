v = f'{x!r:}'
