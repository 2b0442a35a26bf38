try:
    x = 1
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise RuntimeError("x") from e
else:
    y = 2
finally:
    z = 3
try:
    pass
finally:
    pass
