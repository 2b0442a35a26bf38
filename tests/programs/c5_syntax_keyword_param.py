def move(from, to):
    return to - from
