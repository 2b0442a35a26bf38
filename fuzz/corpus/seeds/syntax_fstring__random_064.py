v = f'{x}{y}}{ x}' "tail"
