v = f" {"a"}" "tail"
