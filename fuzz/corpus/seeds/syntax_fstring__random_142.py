v = f"""{x,}{"a"}{x}{y}""" "tail"
