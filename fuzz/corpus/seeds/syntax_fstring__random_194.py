v = rf'''{f"{y}"}{x:{w}.{p}f}''' "tail"
