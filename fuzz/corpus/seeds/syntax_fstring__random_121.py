v = F"{x y}\t{f"{y}"}{"
