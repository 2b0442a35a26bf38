v = rf'''{x!r}{x=!r:^5}{(lambda: 1)()}{x!}'''
