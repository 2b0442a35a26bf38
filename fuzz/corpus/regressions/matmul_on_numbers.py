try:
    1.5 @ 2.25
except TypeError as e:
    print(e)
try:
    x = 2
    x @= 3.0
except TypeError as e:
    print(e)
print(True @ 1.0)
