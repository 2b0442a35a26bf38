v = F"""{ x}{x!s:>10}""" "tail"

