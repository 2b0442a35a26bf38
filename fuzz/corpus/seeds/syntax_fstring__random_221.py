v = f'{x#}{x!}{x:=^{n}}' "tail"
