v = rf'{x=}' 'x'
