if __debug__:
    print("debug")
assert True
x = 5 if __debug__ else 6
print(x)
