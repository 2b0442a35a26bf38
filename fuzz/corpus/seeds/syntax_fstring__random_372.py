v = rf'{{x:'
