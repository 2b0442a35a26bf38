v = F'''{(lambda: 1)()}{'b'}'''
