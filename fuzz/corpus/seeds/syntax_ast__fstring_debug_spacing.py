a = f"{ x =}"
b = f"{x= }"
c = f"{x + y = }"
d = f"{f(a, b)=}"
