v = F'{x}{y}}{x!z}'
