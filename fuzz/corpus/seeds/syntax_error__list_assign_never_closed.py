[__all__ = ("date", "datetime",
           "MINYEAR", "UTC")
x = 1
