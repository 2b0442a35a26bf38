v = rf"""{!r}{x if y else z}"""
