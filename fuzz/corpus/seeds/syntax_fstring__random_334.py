v = F'{f"{y}"}abc'
