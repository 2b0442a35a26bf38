v = f'{x if y else z}{x:{w}}{x!r:}'
