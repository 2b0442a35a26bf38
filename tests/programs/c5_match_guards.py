def grade(score):
    match score:
        case int(s) if s < 0 or s > 100:
            return "invalid"
        case s if s >= 90:
            return "A"
        case s if s >= 80:
            return "B"
        case s if s >= 70:
            return "C"
        case _:
            return "F"

for s in [95, 85, 75, 10, -5, 101]:
    print(s, grade(s))

def fizz(n):
    match (n % 3, n % 5):
        case (0, 0):
            return "FizzBuzz"
        case (0, _):
            return "Fizz"
        case (_, 0):
            return "Buzz"
        case _:
            return str(n)

print(" ".join(fizz(i) for i in range(1, 16)))
