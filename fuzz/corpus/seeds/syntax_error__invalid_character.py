x = a € b
