v = rf"{x }{x,}{x=}"
