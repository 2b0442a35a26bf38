# Only None, int, float, str, bytes and bytearray can seed the generator
import random
random.seed("ok")
print(random.randint(1, 6))
for bad in (["a", "list"], {"a": 1}, (1, 2)):
    try:
        random.seed(bad)
    except TypeError as e:
        print(type(bad).__name__, "->", e)
roll = random.Random("dice").randint(1, 6)
print(roll)
print(["one", "two", "three"][roll])
