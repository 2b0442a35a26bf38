class O:
    pass
o = O()
o.x = 1
o.x += 5
l = [1, 2, 3]
l[0] -= 1
l[1:2] += [9]
print(o.x, l)
