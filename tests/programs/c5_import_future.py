import __future__
for n in __future__.all_feature_names:
    f = getattr(__future__, n)
    print(n, f, f.getOptionalRelease(), f.getMandatoryRelease(), f.compiler_flag)
print(__future__.__all__)
