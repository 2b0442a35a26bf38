import sys
import time

start = time.time()
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(1500))
sys.stdout.write("written directly\n")
elapsed = time.time() - start
print(elapsed >= 0, type(time.perf_counter()).__name__)
print(sys.maxsize > 0)
print(sys.version_info[:2] >= (3, 12), sys.version_info.major, sys.version_info.minor)
print(sys.version_info)
sys.exit("stopping with a message")
