café = 3
π = 3.14159
変数 = '値'
def grüße(名前):
    return f'hallo {名前}'
print(café, π, 変数, grüße('世界'))
ａ = 1
print(a)
