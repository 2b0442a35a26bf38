v = F'''\t{x!r}{x}{x y}'''
