def area(w, h):
    return w * h
area(w=1, height=2)
