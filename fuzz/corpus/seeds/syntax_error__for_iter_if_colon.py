for o, a in opts if o == '-q':
    pass
