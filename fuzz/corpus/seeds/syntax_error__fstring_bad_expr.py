s = f"{x y}"
