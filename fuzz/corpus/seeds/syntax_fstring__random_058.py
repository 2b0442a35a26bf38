v = F"""abc{x!z}}{=}"""
