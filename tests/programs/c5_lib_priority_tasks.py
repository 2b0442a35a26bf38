import heapq
from dataclasses import dataclass, field


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)


tasks = [Task(3, "write report"), Task(1, "fix bug"), Task(2, "review"), Task(1, "deploy")]
heap = []
for t in tasks:
    heapq.heappush(heap, t)
while heap:
    t = heapq.heappop(heap)
    print(t.priority, t.name)

nums = [9, 4, 7, 1, 8, 2]
heapq.heapify(nums)
print(nums[0], heapq.nsmallest(3, nums), heapq.nlargest(2, nums))
print(list(heapq.merge([1, 4, 9], [2, 3, 10])))
