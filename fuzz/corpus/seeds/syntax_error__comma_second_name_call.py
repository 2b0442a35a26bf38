f(m, n o)
