𝐀𝐁 = 1
ℌ = 2
ﬁx = 3
ｘ１ = 4
x＿y = 5
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 6
print(𝐀𝐁, ℌ, ﬁx, x1, x_y, Unicode)

