v = rf'''{x!z}'''
