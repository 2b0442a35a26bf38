print(f"{x:.2f")
