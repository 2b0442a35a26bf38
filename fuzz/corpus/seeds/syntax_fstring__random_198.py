v = f"""{x=!r:^5}{(lambda: 1)()}"""
