v = f'}{x}' "tail"
