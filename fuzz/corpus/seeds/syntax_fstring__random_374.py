v = f"{x:{w}.{p}f}" 'x'
