class Animal:
    """An animal."""
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    @staticmethod
    def kind():
        return "animal"
    @property
    def upper(self):
        return self.name.upper()
class Dog(Animal):
    sound = "woof"
    def speak(self):
        base = super().speak()
        return base + "!"
d = Dog("Rex")
print(d.speak(), Dog.kind(), d.upper)
