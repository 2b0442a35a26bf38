x = "abc" def
