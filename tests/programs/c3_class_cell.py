class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super().hello()
    def klass(self):
        return __class__.__name__
print(Child().hello(), Child().klass())
class Other(Base):
    def hello(self):
        return super(Other, self).hello() + "!"
print(Other().hello())
