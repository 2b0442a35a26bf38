v = f" {x if y else z}{x,}{x:{y:{z}}}"
