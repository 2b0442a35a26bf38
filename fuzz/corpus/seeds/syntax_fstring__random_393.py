v = f"{f"{y}"}{x if y else z}"
