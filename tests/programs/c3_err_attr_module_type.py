text = "hello"
text.append("!")
