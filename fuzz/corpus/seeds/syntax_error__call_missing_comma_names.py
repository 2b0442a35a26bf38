f(x y)
