import_like = 1
class Oops(BaseException):
    pass
raise Oops("base")
