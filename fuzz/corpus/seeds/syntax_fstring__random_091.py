v = F"""{{""" "tail"
