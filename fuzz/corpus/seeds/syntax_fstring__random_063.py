v = rf'{x=}\t{"a"}'
