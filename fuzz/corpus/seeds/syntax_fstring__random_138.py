v = f'''\n {x:{w}.{p}f}''' "tail"
