import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(sys.getrecursionlimit())
print(depth(0) > 900)
def ping(n): return pong(n)
def pong(n): return ping(n)
try:
    ping(0)
except RecursionError as e:
    print('caught', e)
