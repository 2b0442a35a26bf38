v = f"""{ x}}""" "tail"
