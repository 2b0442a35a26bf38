v = f'{x!r:}' "tail"
