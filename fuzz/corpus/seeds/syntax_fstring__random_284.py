v = rf"""{x if y else z}""" "tail"
