try:
    s = "%2000000000000d" % 1
except (MemoryError, OverflowError, ValueError) as e:
    print(type(e).__name__, e)
print("%5d|%.3f|%-4s|" % (42, 3.14159, "ab"))
