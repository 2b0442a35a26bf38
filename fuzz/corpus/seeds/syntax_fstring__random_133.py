v = f"""{x#}""" "tail"
