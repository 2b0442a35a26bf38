v = rf"""abc"""
