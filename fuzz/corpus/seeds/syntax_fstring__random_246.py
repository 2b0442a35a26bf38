v = rf'\{' "tail"
