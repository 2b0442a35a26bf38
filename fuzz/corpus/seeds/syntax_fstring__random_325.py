v = f"{x }{x!r:}"
