while True print(x)
