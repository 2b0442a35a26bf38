a == b:
