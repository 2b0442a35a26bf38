v = f'{x!z}\n{x y}{x }'
