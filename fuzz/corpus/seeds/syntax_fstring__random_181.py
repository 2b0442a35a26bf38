v = F"abc{a[0]}"
