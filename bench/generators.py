# A generator pipeline: numbers -> filter -> map -> windowed sums.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def odd(it):
    for x in it:
        if x % 2:
            yield x

def squares(it):
    for x in it:
        yield x * x % 1000

def windows(it, size):
    window = []
    for x in it:
        window.append(x)
        if len(window) == size:
            yield sum(window)
            window = []

total = 0
count = 0
for s in windows(squares(odd(numbers(600000))), 10):
    total += s
    count += 1
print(count, total)
print(sum(x for x in range(200000) if x % 3 == 0))
