v = rf"""{x:{w}}{x!z}"""
