v = rf'{x}{y}{x}{x,}'
