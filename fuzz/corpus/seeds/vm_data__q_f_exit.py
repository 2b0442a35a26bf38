import sys
print("before")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
sys.exit("fatal: stopping")
