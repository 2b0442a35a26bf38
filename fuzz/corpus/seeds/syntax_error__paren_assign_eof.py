x = 1
( nbytes = DEFAULT_ENTROPY
