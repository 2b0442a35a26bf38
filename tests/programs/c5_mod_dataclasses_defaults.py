from dataclasses import dataclass, field

@dataclass
class Empty:
    pass

@dataclass
class Config:
    name: str = 'app'
    options: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)
    debug: bool = False

a = Config()
b = Config('svc', debug=True)
a.tags.append('x')
print(Empty(), Empty() == Empty(), a, b, b.tags)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
try:
    Config(nme='typo')
except TypeError as e:
    print('TypeError:', e)
