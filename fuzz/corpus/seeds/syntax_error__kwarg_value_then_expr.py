f(local=loc
  other)
