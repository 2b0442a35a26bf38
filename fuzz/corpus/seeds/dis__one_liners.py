def a(): x = 1; pass
def b(): pass; x = 1
def c(x):
    if x: pass
def d(): return
def e(): "doc"; pass
def f(self, size=1): ...
class C: pass
class D: x = 1
if True: pass
while False: pass
