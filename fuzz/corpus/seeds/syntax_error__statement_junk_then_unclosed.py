x = frozens{et(kwlist).__contains__
y = 1
