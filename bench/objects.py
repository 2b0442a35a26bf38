# Method calls and attribute access on instances.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self):
        self.pos = self.pos.add(self.vel)
        return self.pos.dot(self.vel)


particles = [Particle(Vector(i, -i), Vector(1, 2)) for i in range(100)]
total = 0
for _ in range(1000):
    for p in particles:
        total += p.step()
print(total, particles[7].pos.x, particles[7].pos.y)
