colors = ["red" "green", "blue"
          "yellow" 42]
print(colors)
