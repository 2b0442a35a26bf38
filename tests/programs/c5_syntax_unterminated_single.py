print('it's a trap')
