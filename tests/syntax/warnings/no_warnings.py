x = "ok\n\t\\"
y = r"\d"
z = rb"\d"
