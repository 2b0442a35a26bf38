v = F"""{x:%Y}{x:{w}.{p}f}""" "tail"
