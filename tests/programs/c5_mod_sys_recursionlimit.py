import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(sys.getrecursionlimit())
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth(2500))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
sys.setrecursionlimit(100)
try:
    depth(200)
except RecursionError as e:
    print('RecursionError:', e)
