v = f"{x=}{x y}{x:%Y}{x:%Y}" 'x'
