from collections import deque
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": [], "e": ["a"]}
def bfs(start):
    seen = {start}
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
print(bfs("a"))
d = deque([1, 2, 3], maxlen=4)
d.appendleft(0)
d.append(9)
print(d, len(d), d[0], d[-1], 3 in d, list(d))
d.rotate(2)
print(d, d.pop(), d.popleft(), d, bool(deque()), deque())
try:
    deque().pop()
except IndexError as e:
    print(e)
