v = F'{x}{x:\n}{d["k"]}'
