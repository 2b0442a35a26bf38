v = rf"""\n"""
