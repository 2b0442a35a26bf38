class AppError(Exception):
    pass

def run(items):
    total = 0
    for item in items:
        total += item["value"]
    return total

print(run([{"value": 1}, {"value": 2}]))
try:
    run([{"value": 1}, {}])
except KeyError as e:
    print("missing", e)
raise AppError("fatal", 3)
