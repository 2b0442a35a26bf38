v = f'''{x!z}abc'''
