def process():
    try:
        int("abc")
    except ValueError:
        print("logging the error")
        raise
process()
