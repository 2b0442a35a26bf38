x = {m n}
