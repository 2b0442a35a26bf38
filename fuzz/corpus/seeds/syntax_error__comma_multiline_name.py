f(m
od_name)
