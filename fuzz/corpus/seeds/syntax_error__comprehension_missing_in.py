x = [i for i range(10)]
