import copy
a = [[1, 2], [3, 4]]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(99)
print(a, b, c, b is a, b[0] is a[0], c[0] is a[0])
d = {'k': [1], 'n': {'x': 1}}
e = copy.deepcopy(d)
e['n']['x'] = 2
print(d, e)
class Node:
    def __init__(self, val, children):
        self.val = val
        self.children = children
root = Node(1, [Node(2, []), Node(3, [])])
clone = copy.deepcopy(root)
clone.children[0].val = 20
print(root.children[0].val, clone.children[0].val, type(clone).__name__)
shallow = copy.copy(root)
print(shallow.children is root.children)
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared, copy.copy((1, 2)), copy.deepcopy('s'))
