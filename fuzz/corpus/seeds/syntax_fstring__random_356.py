v = F'{x, y}{x y}{x#}{{'
