v = F'{x:{y:{z}}}\n{x,} '
