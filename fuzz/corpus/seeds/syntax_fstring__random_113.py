v = rf"{ x = }"
