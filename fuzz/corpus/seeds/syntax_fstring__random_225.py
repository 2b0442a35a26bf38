v = rf'{x:\n}{x!r}abc'
