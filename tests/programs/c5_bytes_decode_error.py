# An uncaught UnicodeDecodeError: Latin-1 bytes read as UTF-8
def read_name(raw):
    return raw.decode("utf-8")

print(read_name(b"Jos\xc3\xa9"))
print(read_name(b"Jos\xe9"))
