v = rf"{ x}{"
