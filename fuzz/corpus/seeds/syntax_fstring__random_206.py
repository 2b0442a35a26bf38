v = rf"{x:{y:{z}}}"
