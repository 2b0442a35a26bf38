# nothing but comments
#
   # indented comment
# no newline at the end