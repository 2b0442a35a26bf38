v = f'{x!r}' f'{t}'
