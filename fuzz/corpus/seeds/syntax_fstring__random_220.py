v = f'{x, y}{d["k"]}'
