v = F"{x}{x if y else z}{(lambda: 1)()}" "tail"
