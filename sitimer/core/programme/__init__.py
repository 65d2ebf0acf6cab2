"""A programme: model and fields, loading and checking a file, its plan of steps, the catalogue, editing."""
