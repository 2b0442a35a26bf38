if 1:
 if 1:
  if 1:
   if 1:
    if 1:
     if 1:
      if 1:
       if 1:
        if 1:
         if 1:
          pass
