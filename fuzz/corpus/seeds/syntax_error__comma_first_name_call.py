f(m n)
