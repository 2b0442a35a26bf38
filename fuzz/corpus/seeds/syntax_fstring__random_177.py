v = f"{x}{y}{x:{x!}" 'x'
