# str identity: shared constants, interned names, folding, runtime strings
greeting = "hello"
same = "hello"
print(greeting is same, "(one constant)")
folded = "hel" + "lo"
print(folded is greeting, "(folded at compile time)")
part = "hel"
built = part + "lo"
print(built == greeting, built is greeting, "(built at runtime)")
sentence = "hello world!"
def get_sentence():
    return "hello world!"
print(get_sentence() is sentence, "(equal constants are merged)")
joined = "".join(["hel", "lo"])
print(joined is greeting, sys_like := joined == greeting)
import sys
print(sys.intern(joined) is greeting, sys.intern("new " + "words") is sys.intern("new words"))
letter = "a"
word = "abc"
print(word[0] is letter, chr(97) is letter, [c for c in "cab"][1] is letter)
empty = ""
print("xyz"[3:] is empty, str() is empty, "abc"[1:1] is empty)
print(greeting[:] is greeting, greeting[0:5] is greeting, greeting[1:] is greeting)
print(str(greeting) is greeting, greeting.upper() is greeting.upper())
print(id(greeting) == id(same), id(greeting) == id(built))
print(str(5) == "5", str(5) is str(5))
