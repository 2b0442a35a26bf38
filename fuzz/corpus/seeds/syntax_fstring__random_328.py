v = f"{x!r}{x:%Y}" "tail"
