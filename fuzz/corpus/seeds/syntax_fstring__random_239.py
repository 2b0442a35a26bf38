v = rf'\{{x:{f"{y}"}abc'
