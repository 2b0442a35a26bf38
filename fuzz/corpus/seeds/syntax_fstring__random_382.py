v = f'{d["k"]}{3.14:.1f}{{x!r}' "tail"
