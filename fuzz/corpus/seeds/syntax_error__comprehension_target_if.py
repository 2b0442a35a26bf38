x = {k: v for kars(_).items() if k[:2] != '__'}
