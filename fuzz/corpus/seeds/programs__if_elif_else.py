# if / elif / else chains.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for n in [-5, 0, 3, 42]:
    print(n, classify(n))
x = 7
if x % 2 == 0:
    print("even")
else:
    print("odd")
if x:
    print("truthy")
if not x:
    print("never")
if x > 100:
    print("never either")
