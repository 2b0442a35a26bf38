class C:
    def f[T](x: lambda: T): pass
