class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exiting")
        return False
with CM():
    raise RuntimeError("inside with")
