v = F"{(lambda: 1)()}{a[0]}{x:{y:{z}}}" f'{t}'
