v = f"{x,}{x:%Y}"
