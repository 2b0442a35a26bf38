v = F"abc{x:{y:{z}}}{x!r}"
