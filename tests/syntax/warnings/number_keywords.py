x = [0x1for x in range(3)]
z = 1or 2
