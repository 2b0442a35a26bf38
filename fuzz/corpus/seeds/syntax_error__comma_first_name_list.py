x = [m n]
