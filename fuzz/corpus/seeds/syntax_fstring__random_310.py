v = f"{(lambda: 1)()}{x if y else z}{f"{y}"}{x}}"
