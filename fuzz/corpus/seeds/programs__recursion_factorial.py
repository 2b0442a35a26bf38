# Recursive factorial, growing into big integers.
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


print(factorial(0))
print(factorial(5))
print(factorial(20))
print(factorial(21))
print(factorial(40))
