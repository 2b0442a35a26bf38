import bisect


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
scores = []
for s in [70, 20, 95, 60, 85]:
    bisect.insort(scores, s)
print(scores)
print(bisect.bisect_left(scores, 60), bisect.bisect_right(scores, 60))
i = bisect.bisect_left(scores, 85)
print(i < len(scores) and scores[i] == 85)
