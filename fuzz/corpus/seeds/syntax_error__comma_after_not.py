x = {k: not v fo k, v in y}
