v = f'''{x}}{d["k"]}{x:{w}}abc'''
