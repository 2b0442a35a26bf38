# Parsing a 5000-digit number fails in CPython 3.12 unless the limit is raised
digits = "1234567890" * 500
print(len(digits))
n = int(digits)
print(n % 10)
