def compute(n):
    result = 0
    i = 0
    while i < n:
        result = result + i * i
        i += 1
    return result
def use_global():
    return counter + 1
counter = 10
print(compute(5), use_global())
