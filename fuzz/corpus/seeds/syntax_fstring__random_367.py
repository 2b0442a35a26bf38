v = rf"}\t{{"
