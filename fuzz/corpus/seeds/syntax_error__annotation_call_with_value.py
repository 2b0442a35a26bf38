f(a): int
