class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        return "child+" + super().greet()
    def cls_name(self):
        return __class__.__name__
print(Child().greet(), Child().cls_name())
