    # comment
x = 1
