v = rf"""{x if y else z}{x y}"""
