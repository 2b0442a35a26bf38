# input() reads lines from stdin (tests/programs/input_echo.in); EOF raises EOFError.
name = input()
count = int(input("how many? "))
for i in range(count):
    print(i, name)
print(input())
