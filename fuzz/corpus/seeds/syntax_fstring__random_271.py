v = F"{x#}{!r}{1+2=}abc"
