def first_word(command):
    match command.split():
        case []:
            return "empty"
        case [word]:
            return f"one word: {word}"
        case [word, _]:
            return f"two words, first {word}"
        case [word, *_]:
            return f"many words, first {word}"

for c in ["", "go", "go north", "pick up the lamp"]:
    print(repr(c), first_word(c))

match 42:
    case x:
        print("captured", x)
print("x is still", x)
