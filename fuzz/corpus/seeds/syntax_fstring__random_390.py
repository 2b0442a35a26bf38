v = rf'{x#}{x}{y}{!r}'
