v = rf'{x#}'
