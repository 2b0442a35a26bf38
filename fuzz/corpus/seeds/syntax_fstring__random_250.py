v = f'''{x:''' "tail"
