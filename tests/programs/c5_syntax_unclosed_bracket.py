scores = [90, 85, 77,
          62, 100
print(max(scores))
