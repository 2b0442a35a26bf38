v = f'''{x}{y} }}''' "tail"
