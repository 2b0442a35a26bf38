v = rf'{!r}{x!}{x,}{x!}'
