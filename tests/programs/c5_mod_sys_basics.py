import sys
print(sys.getrecursionlimit())
sys.stdout.write('written\n')
n = sys.stdout.write('abc')
print()
print(n, len(sys.argv), sys.argv[0].endswith('sys_basics.py'))
print(sys.maxsize > 2**30)
sys.exit(3)
