v = f'''{x!r}{x:%Y}{(lambda: 1)()}''' 'x'
