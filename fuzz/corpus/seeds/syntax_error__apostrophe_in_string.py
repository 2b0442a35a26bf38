print('It's here')
