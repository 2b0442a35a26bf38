x = 'abc' + 5 'def'
