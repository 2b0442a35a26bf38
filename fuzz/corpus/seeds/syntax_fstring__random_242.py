v = rf'''{x, y}''' f'{t}'
