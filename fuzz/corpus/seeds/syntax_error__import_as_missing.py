import x.y as
