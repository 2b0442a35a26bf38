v = F"{x, y}}}"
