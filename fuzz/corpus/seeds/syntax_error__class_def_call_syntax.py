class A():
    pass
class B(object,):
    pass
