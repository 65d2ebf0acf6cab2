"""The therapist's programme editor."""
