# Strings, booleans and None.
print("hello")
print('single quotes')
print("tab\there", "newline\nhere")
print("quote \" inside", 'and \' too')
print("backslash \\")
print("")
print("abc" + "def")
print("ab" * 3)
print(True, False, None)
print(True + True, False * 5)
s = "Python"
print(s, len(s))
print(s[0], s[-1])
