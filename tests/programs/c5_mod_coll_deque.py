from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, list(d)[::-1], 3 in d)
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
print(last3)
q = deque()
try:
    q.popleft()
except IndexError as e:
    print(e)
