v = F"{x,}" "tail"
