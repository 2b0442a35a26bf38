name = "Grace
print("hello", name)
