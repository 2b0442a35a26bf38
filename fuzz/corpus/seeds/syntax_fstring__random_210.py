v = f"{x}}{x=}{x!z}"
