x = 1
print(x)
return x
