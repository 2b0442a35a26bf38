v = f"{x!}" f'{t}'
