s = f"{x=y}"
