v = f'\t {x:{y:{z}}}{(lambda: 1)()}'
