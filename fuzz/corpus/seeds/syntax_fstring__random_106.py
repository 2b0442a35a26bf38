v = rf'{x, y}{(lambda: 1)()}{x=}{'
