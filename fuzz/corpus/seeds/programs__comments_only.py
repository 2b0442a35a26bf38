# This program is only comments.
# It compiles to a module that returns None and prints nothing.

    # even an indented comment is fine
