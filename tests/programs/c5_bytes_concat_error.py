# bytes and str do not mix: an uncaught TypeError
header = b"Content-Length: "
size = 42
print(header + str(size).encode())
print(header + str(size))
