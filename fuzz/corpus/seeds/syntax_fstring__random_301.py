v = rf'''{x}{y}\n'''
