"""A programme: its model, the fields and their defaults, loading and checking a file, editing it in place."""
