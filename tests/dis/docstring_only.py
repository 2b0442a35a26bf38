"""Just a docstring."""
