v = rf"{x }"
