type A[T] = [(y := 1) for x in T]
