v = F'{x if y else z}'
