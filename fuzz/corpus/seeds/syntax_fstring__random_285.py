v = rf"abc{=}abc"
