v = f"""{f"{y}"}abc{x:{w}}\t""" "tail"
