v = rf'{x:{"<"}5}' "tail"
