v = f"{x y}"
