v = f"""{x:{w}}abc{x if y else z}{x#}"""
