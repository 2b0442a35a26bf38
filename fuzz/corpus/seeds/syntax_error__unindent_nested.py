class A:
    def f(self):
        if x:
            pass
      return 1
