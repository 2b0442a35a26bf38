for i in range(5):
    try:
        if i == 2:
            continue
        if i == 4:
            break
        print("body", i)
    finally:
        print("finally", i)
n = 0
while True:
    try:
        n += 1
        if n > 2:
            break
    finally:
        print("cleanup", n)
print("end")
