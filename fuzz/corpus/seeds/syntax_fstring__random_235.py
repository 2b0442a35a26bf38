v = rf"{x:{y:{z}}}{x=}{x,}"
