class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
def walk(n):
    total = 0
    while n:
        total += n.v
        n = n.nxt
    return total
head = Node(1)
head.next = Node(2)
print(walk(head))
