v = rf"""{x!r}"""
