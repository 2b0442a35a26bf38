v = f'{x:=^{n}}{{abc{x:%Y}' 'x'
