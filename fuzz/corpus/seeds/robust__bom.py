print('after a BOM')
import sys
print(len('é'))
