v = rf' {(lambda: 1)()} '
