x = (m n)
