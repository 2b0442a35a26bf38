print("total:" 3 + 4)
