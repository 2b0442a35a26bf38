v = f'''{abc{a[0]}''' 'x'
