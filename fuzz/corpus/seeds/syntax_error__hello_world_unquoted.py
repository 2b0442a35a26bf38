print(hello world)
