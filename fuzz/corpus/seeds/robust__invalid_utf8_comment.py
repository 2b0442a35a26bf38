# café in Latin-1
print(1)
