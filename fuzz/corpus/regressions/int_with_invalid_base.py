for b in (1, 37, -1, 2**70, 0, 36):
    try:
        print(int("10", b))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
