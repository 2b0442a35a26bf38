v = rf'\t{x}{y}'
