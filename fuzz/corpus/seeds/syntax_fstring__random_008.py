v = rf'''{x:\n}{!r}{x:\n}''' "tail"
