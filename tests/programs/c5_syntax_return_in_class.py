class Config:
    debug = True
    return debug
