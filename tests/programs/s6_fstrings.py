# f-strings: pieces, conversions, specs, identity of a lone str.
s = "word"
n = -12345
big = 2 ** 70
print(f"{s}", f"{s}" is s, f"{n}", f"{big}", f"{True}", f"{None}", f"{1.5}")
print(f"{s}:{n}:{big}:{s!r}:{n:>8}:{s:^10}|", f"{s!s}" is s, f"{'' }" == "")
print(f"{0}{-0}{9223372036854775807}{-9223372036854775807 - 1}")
class S(str):
    def __format__(self, spec):
        return "fmt(" + spec + ")"
    def __str__(self):
        return "str!"
t = S("t")
print(f"{t}", f"{t:x}", f"{t!s}", f"{t!r}", type(f"{t}").__name__)
parts = []
for i in range(5):
    parts.append(f"{i}:{i * i % 7}")
print(",".join(parts), f"{parts[0]}" is parts[0])
x = "é"
print(f"{x}{x}ü{x}", len(f"{x}{x}ü{x}"))
