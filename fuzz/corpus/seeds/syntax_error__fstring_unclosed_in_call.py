print(f"hello {name)
