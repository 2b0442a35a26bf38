v = F'''{x if y else z}{ x = }{1+2=}{x:%Y}''' 'x'
