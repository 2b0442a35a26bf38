v = rf"{x!s:>10}"
