class Z:
    def __len__(self):
        return 0
class T:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Z()), bool(T()), not Z())
print("yes" if T() else "no", "yes" if Z() else "no")
while Z():
    print("never")
print(len(T()))
