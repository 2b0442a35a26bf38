"abc" += "d"
