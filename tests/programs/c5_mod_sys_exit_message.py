import sys
def main():
    print('working')
    sys.exit('fatal: giving up')
main()
