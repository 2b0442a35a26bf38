def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

total = 0
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
print("total", total)
for k in range(5):
    print(k, fib(k), end=" ")
print()
for w in ["a", "b", "c"]:
    print(w, sep="-")
print(greet("Ada"), greet("Bob", "Hi"), greet("Cy", punct="?"))
xs = [10, 20, 30, 40]
print(xs[0], xs[-1], xs[1:3], len(xs), xs[::-1])
if total > 100:
    print("big")
elif total > 10:
    print("medium")
else:
    print("small")
print(fib(12))
print(1, 2, 3, sep=", ", end=".\n")
