v = F"{x=}{x }\t"
