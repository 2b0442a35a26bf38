v = rf"{f"{y}"}\t{x y}{x=}"
