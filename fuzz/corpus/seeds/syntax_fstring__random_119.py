v = f'{a[0]}' "tail"
