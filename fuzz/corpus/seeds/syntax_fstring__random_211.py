v = f"\n {x}" "tail"
