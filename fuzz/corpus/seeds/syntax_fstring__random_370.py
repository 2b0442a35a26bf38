v = f"{x}{x}{d["k"]}{x }"
