def loop():
    n = 0
    while True:
        n += 1
        if n > 5:
            return n
def loop2():
    while 1:
        break
    else:
        print("never")
    return 0
print(loop(), loop2())
