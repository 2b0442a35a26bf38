v = F' {x!r}{x:{y:{z}}}'
