v = f"""\n""" "tail"
