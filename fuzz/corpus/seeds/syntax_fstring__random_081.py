v = f'{x,}{x}{x:\n}{ x = }'
