# Division by zero inside a function: the traceback shows both frames.
def ratio(a, b):
    return a / b


print(ratio(10, 4))
print("about to fail")
print(ratio(1, 0))
print("never printed")
