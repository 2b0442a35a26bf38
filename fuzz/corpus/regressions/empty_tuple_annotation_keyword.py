(): pass
