import time
start = time.time()
t0 = time.perf_counter()
time.sleep(0.01)
elapsed = time.perf_counter() - t0
print(elapsed >= 0, type(start).__name__, time.time() >= start)
