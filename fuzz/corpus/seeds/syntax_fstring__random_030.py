v = rf'{f"{y}"}{x!z}{x!z}'
