name = input("Name: ")
n = int(input())
for i in range(n):
    print(f"{i}: hello {name}")
try:
    input()
except EOFError as e:
    print("eof:", e)
