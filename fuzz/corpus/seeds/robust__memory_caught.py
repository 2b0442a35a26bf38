try:
    x = (1, 2, 3) * 10**10
except MemoryError as e:
    print('caught MemoryError', repr(e))
print('still running')
