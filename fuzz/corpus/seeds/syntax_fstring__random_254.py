v = f"{x:{y:{z}}}{x!r:}" "tail"
