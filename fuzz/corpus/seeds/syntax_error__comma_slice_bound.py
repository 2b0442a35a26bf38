a[m:n o]
