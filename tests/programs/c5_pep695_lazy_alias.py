type Tree = Node
type Forward = Later

print("defined", Tree.__name__)


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


print(Tree.__value__ is Node)
try:
    Forward.__value__
except NameError as e:
    print("not yet:", e)
Later = 3
print(Forward.__value__)
print(Forward.__value__)
