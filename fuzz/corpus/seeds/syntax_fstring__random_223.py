v = f'{d["k"]} {x, y}' "tail"
