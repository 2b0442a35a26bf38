for ch in "abc":
# nothing here
print(ch)
