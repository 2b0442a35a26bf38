def total(items):
    return sum(
        item["price"] * item["qty"]
        for item in items
    )
data = [{"price": 2, "qty": 3}, {"price": 1}]
result = total(
    data
)
