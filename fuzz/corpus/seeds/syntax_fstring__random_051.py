v = rf"""abc""" "tail"
