v = f'{x!s:>10}{(lambda: 1)()}{"a"}'
