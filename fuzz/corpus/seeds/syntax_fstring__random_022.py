v = f'\n{{{(lambda: 1)()}{x#}' 'x'
