() = []
print(())
