print("Hello" name)
