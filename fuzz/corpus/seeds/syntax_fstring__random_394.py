v = rf"{x:"
