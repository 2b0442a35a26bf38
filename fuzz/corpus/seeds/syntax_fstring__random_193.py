v = F"{x!z}{x}{x=!r:^5} " 'x'
