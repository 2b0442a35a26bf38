def f():
    try:
        print("body")
        return 1
    finally:
        print("cleanup")
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
    finally:
        print("finally", i)
try:
    raise ValueError("x")
except ValueError:
    print("caught")
finally:
    print("done")
