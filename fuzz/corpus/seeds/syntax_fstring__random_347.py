v = rf'{"a"}{x:{x!r:}{x:\n}'
