print(format(1.5, ".3000000000f"))
