# Big integers: factorials, their digits and divisions.
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result

total = 0
for n in range(1000, 1500, 25):
    f = factorial(n)
    total += f % 1000003
f = factorial(1500)
digits = str(f)  # 4115 digits: under CPython's 4300-digit str() limit
print(len(digits), digits[:20], sum(int(d) for d in digits))
print(total, (f // factorial(1490)) % 10**9)
