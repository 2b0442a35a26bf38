v = f'\t{x=}{x!r:}{x }'
