s = f"{x!r=}"
