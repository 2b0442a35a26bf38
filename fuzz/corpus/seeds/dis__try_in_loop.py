results = []
for v in ["1", "x", "3"]:
    try:
        results.append(int(v))
    except ValueError:
        continue
    finally:
        results.append(0)
print(results)
def g():
    for i in range(3):
        try:
            return i
        finally:
            print("f")
print(g())
