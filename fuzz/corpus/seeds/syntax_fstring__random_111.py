v = f"{x:{w}}{x:{x!s:>10}{x}" "tail"
