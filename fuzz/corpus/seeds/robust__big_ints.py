x = 2 ** 100000
print(len(str(x)) if False else x.bit_length())
print(1 ** (10 ** 20), (-1) ** (10 ** 20 + 1), 0 ** (10 ** 20))
print((7 ** 5000) % 1000)
print((1 << 100000).bit_length())
