"""A practice on one PostgreSQL server: several kiosks and therapist PCs sharing the history."""
