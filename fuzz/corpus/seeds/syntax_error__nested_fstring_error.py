x = f"{f'{y'}"
