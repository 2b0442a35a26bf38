v = f"""{ x = }{d["k"]}""" "tail"
