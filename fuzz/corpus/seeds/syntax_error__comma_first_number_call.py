f(1 m)
