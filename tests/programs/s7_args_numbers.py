# int, float, complex, range, slice, deque and generator methods' argument-count and keyword errors.
def show(case):
    try:
        case()
        print("no error")
    except TypeError as e:
        print(e)

# METH_NOARGS
for case in [
    lambda: (5).bit_length(1),
    lambda: (5).bit_count(1),
    lambda: (5).as_integer_ratio(1),
    lambda: (5).is_integer(1),
    lambda: (5).conjugate(1),
    lambda: True.bit_length(1),
    lambda: (1.5).as_integer_ratio(1),
    lambda: (1.5).is_integer(1),
    lambda: (1.5).conjugate(1),
    lambda: (1j).conjugate(1),
    lambda: (5).bit_length(x=1),
    lambda: (1.5).is_integer(x=1),
]:
    show(case)
# METH_O
for case in [
    lambda: range(3).index(),
    lambda: range(3).count(1, 2),
    lambda: slice(3).indices(),
    lambda: range(3).index(value=1),
]:
    show(case)
# int.to_bytes and int.from_bytes take keywords
for case in [
    lambda: (5).to_bytes(1, "big", 1),
    lambda: (5).to_bytes(1, "big", True, 1),
    lambda: (5).to_bytes(size=1),
    lambda: (5).to_bytes(1, length=1),
    lambda: (5).to_bytes(length=1, byteorder="big", signed=False, x=1),
    lambda: int.from_bytes(),
    lambda: int.from_bytes(byteorder="big"),
    lambda: int.from_bytes(b"\x01", "big", True),
    lambda: int.from_bytes(b"\x01", bytes=b""),
    lambda: int.from_bytes(b"\x01", order="big"),
    lambda: (5).to_bytes(None, None),
    lambda: int.from_bytes(b"\x01", None),
    lambda: print((5).to_bytes(2, byteorder="little", signed=True), int.from_bytes(bytes=b"\x01\x00", byteorder="little"), (258).to_bytes(length=2)),
]:
    show(case)
# generators
for case in [
    lambda: (x for x in []).send(),
    lambda: (x for x in []).close(1),
    lambda: (x for x in []).throw(),
    lambda: (x for x in []).throw(ValueError, None, None, None),
    lambda: (x for x in []).send(value=None),
]:
    show(case)
# the type names a method bound to a class
for case in [
    lambda: int.mro(1),
    lambda: dict.fromkeys(),
    lambda: bytes.fromhex(),
]:
    show(case)
import collections
for case in [
    lambda: collections.deque().append(),
    lambda: collections.deque().pop(1),
    lambda: collections.deque().rotate(1, 2),
    lambda: collections.deque().extend(x=1),
]:
    show(case)
(2.5).is_integer(1)
