total = 10
def f():
    count = 1
    try:
        return cont + 1
    except NameError as e:
        print("caught:", e)
f()
class Account:
    def __init__(self):
        self.balance = 5
    def show(self):
        try:
            return balance
        except NameError as e:
            print(e)
a = Account()
a.show()
try:
    a.balanse
except AttributeError as e:
    print(e)
try:
    [].apend(1)
except AttributeError as e:
    print(e)
print(totl)
