# Each string is small; together they outgrow the memory budget (CPython: the machine's
# memory; the goldens run under a 4 GB address-space limit). Caught once, then uncaught.
x = []
try:
    while True:
        x.append('a' * 10**6)
except MemoryError:
    x = None
    print('MemoryError caught; the list is gone')
y = []
while True:
    y.append('b' * 10**6)
