import string
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(string.capwords('hello   wide world'), string.capwords('a-b-c', '-'))
print(len(string.ascii_letters), len(string.printable), repr(string.whitespace))

def caesar(text, shift):
    lo = string.ascii_lowercase
    table = {c: lo[(i + shift) % 26] for i, c in enumerate(lo)}
    return ''.join(table.get(c, c) for c in text)
print(caesar('hello, world', 3))
