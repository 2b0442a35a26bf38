class Point:
    def __init__(self):
        self.x = 1
        self.total = 2
p = Point()
print(p.totl)
