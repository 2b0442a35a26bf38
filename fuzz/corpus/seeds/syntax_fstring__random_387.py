v = f'}}{x:{w}}' "tail"
