v = F"\{" "tail"
