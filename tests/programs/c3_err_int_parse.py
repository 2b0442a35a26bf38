vals = ["10", "20", "thirty"]
total = 0
for v in vals:
    total += int(v)
