v = rf'{x!s:>10}{x }{(lambda: 1)()}{x:{"<"}5}'
