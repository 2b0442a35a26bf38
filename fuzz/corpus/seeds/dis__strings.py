s = "abc"
t = 'single'
u = "with \"quotes\""
v = 'both \' and "'
w = """triple
quoted"""
x = "\x00\x7f\u200b\U0001F600"
print(s + t, s * 2, len(u), v, w, x)
print("%s and %d" % ("a", 1))
