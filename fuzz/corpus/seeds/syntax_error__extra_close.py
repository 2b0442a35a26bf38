print("hi"))
