from dataclasses import dataclass


@dataclass
class Add:
    left: object
    right: object


@dataclass
class Num:
    value: int


def simplify(e):
    match e:
        case Add(Num(0), x) | Add(x, Num(0)):
            return simplify(x)
        case Add(Num(a), Num(b)):
            return Num(a + b)
        case Add(l, r):
            return Add(simplify(l), simplify(r))
        case _:
            return e

print(simplify(Add(Num(0), Num(5))))
print(simplify(Add(Num(2), Num(3))))
print(simplify(Add(Add(Num(1), Num(0)), Num(4))))
