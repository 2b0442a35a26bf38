v = rf"""{x}{y}{x}""" f'{t}'
