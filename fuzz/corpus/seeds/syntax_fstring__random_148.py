v = rf"""{x:{w}.{p}f}""" f'{t}'
