# An uncaught UnicodeEncodeError: non-ASCII text forced into ASCII
names = ["Ann", "Zoë"]
for name in names:
    print(name, name.encode("ascii"))
