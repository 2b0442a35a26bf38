import re
x = "\d+"
print(x)
y = 1if True else 2
z = "\q" "\w"
