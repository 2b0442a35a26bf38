# bytearray: a mutable bytes
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba[0] = 65
print(ba, len(ba), ba[1], ba[-1:], type(ba).__name__)
ba += b"!"
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
del ba[-2:]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(1, 95)
ba.remove(95)
ba.reverse()
print(ba, ba.upper(), ba == b"hgfedZYX"[:0] + bytes(ba), bytes(ba), ba.copy() is ba)
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(b"x") * 3)
print(ba.split(b"d"), b"x" + bytearray(b"y"), bytearray(b"x") + b"y", ba.decode())
ba.clear()
print(ba, bool(ba))
for bad in (lambda: ba.append(256), lambda: hash(bytearray()), lambda: bytearray(b"x")[5],
            lambda: bytearray([1, 300]), lambda: ba.extend(5), lambda: bytearray(1.5), lambda: ba.pop()):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
