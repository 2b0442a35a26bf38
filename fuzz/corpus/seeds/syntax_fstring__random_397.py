v = rf'{x!r:}'
