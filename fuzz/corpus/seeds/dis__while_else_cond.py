def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            return i
        i += 1
    return -1
print(find([4, 5, 6], 5), find([], 1))
def count_down(n):
    while n:
        print(n)
        n -= 1
count_down(3)
