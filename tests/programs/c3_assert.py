assert 1 + 1 == 2
assert True, "not shown"
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("caught", e)
try:
    assert []
except AssertionError as e:
    print("empty message:", repr(e))
