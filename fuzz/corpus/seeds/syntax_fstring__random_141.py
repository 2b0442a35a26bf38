v = rf'{a[0]}' f'{t}'
