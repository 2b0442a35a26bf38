def check(n):
    if n < 0:
        continue
    return n
