v = rf'{d["k"]}'
