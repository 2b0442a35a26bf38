from heapq import *
from bisect import *

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heappush(h, x)
print([heappop(h) for _ in range(3)])
print(nsmallest(2, [7, 3, 9, 1]), nlargest(2, [7, 3, 9, 1]))
a = [1, 3, 5, 7]
insort(a, 4)
print(a, bisect_left(a, 5), bisect_right(a, 5))
