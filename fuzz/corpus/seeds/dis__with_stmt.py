class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *args):
        print("exit")
        return False
with CM() as c:
    print("inside")
with CM(), CM() as b:
    pass
def f():
    with CM():
        return 5
print(f())
