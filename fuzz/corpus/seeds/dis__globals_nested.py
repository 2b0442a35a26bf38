count = 0
def outer():
    global count
    def inner():
        return count
    count += 1
    return inner()
def reader():
    def nested():
        global count
        count = 10
    nested()
    return count
print(outer(), reader(), count)
