v = f"{x:%Y}" "tail"
