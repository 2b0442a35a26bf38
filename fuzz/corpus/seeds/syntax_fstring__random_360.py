v = rf"{x if y else z}{x#}{x:%Y}" f'{t}'
