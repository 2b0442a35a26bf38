import sys
def main():
    print("work")
    return 3
sys.exit(main())
