x = []
assert x
