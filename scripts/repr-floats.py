"""Prints `HEX REPR` lines for float_repr's golden: the little-endian bytes of
a double and CPython's repr() of it. Seeded random doubles, every power of
two, and familiar decimal fractions. Run by the oracle (scripts/regen-dis-goldens.sh)."""
import random
import struct

random.seed(312)
values = []
while len(values) < 1500:
    x = struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
    if x == x:
        values.append(x)
values += [2.0 ** e for e in range(-1074, 1024, 3)]
values += [i / 10 for i in range(200)] + [i / 7 for i in range(100)] + [10.0 ** e for e in range(-20, 25)]
values += [float("inf"), float("-inf"), -0.0, 0.0, 1e16, 1e-5, 123456789.125]
for v in values:
    print(struct.pack("<d", v).hex(), repr(v))
