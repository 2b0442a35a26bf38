class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"Animal({self.name!r})"

    def __str__(self):
        return "an animal called " + self.name

class Dog(Animal):
    kind = "dog"

    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def add_trick(self, t):
        self.tricks.append(t)
        return self

    @staticmethod
    def species():
        return "canis"

    @classmethod
    def make(cls, name):
        return cls(name)

    @property
    def trick_count(self):
        return len(self.tricks)

a = Animal("cat", "meow")
d = Dog.make("rex")
d.add_trick("sit").add_trick("roll")
print(a.speak(), d.speak(), sep=" | ")
print(repr(a), str(d), [a, d])
print(d.kind, a.kind, Animal.count, Dog.species(), d.trick_count)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __repr__(self):
        return "Vec(%d, %d)" % (self.x, self.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)

v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6), len(v), v[0], list(v), sorted([Vec(2, 1), Vec(1, 5)]))

class Counter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(Counter()))
print(d.undefined)
