class Stack[T]:
    def __init__(self):
        self.items = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()

    def __len__(self):
        return len(self.items)


s = Stack()
for x in [1, 2, 3]:
    s.push(x)
print(s.pop(), len(s))
print(Stack.__type_params__, Stack.__name__, Stack.__qualname__)
class Plain: pass
print(Plain.__type_params__)
print(Stack[int])
print(Stack.__mro__)
print(isinstance(s, Stack))
IntStack = Stack[int]
t = IntStack()
t.push(7)
print(t.items, type(t).__name__)


class Pair[K, V](dict):
    pass


print(Stack.__orig_bases__, Stack.__bases__)
print(Pair.__orig_bases__, Pair.__bases__, Pair[int, str], Pair.__mro__)
