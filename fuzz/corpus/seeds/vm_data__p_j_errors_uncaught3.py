data = {"a": [1, 2, 3]}
def get(key, idx):
    return data[key][idx]
print(get("a", 1))
print(get("a", 5))
