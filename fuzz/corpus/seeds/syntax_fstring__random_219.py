v = F"""}}{(lambda: 1)()}"""
