v = f'{!r}{"a"}{x if y else z}'
