"""sitimer: an exercise-session timer for physiotherapy home programmes."""

__version__ = "0.1.0"
