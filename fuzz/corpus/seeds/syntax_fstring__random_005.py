v = f'{x:{"<"}5}abc{x!z}'
