f(x=m n)
