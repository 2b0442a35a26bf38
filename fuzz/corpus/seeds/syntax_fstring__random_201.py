v = f'{x!s:>10}{x!r}' "tail"
