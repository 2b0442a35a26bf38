v = rf"{x=}"
