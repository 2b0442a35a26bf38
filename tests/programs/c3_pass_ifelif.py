def grade(n):
    if n >= 90:
        return "A"
    elif n >= 80:
        return "B"
    elif n >= 70:
        pass
    else:
        return "F"
    return "C"
for n in (95, 85, 75, 10):
    print(n, grade(n))
class Empty:
    pass
if not []:
    pass
print("done")
