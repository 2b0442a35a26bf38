f() "abc"
