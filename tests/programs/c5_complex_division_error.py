# Dividing by a complex zero raises ZeroDivisionError
def impedance(voltage, current):
    return voltage / current

print(impedance(10 + 5j, 2 - 1j))
print(impedance(10 + 5j, 0j))
