# Reading a name that was never assigned.
count = 3
print(count)
print(undefined_quantity_xyz)
