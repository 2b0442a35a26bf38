v = f'{x}{y}{x:=^{n}}{x!r:}' "tail"
