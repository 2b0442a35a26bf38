v = rf'{x!s:>10}{x,}' 'x'
