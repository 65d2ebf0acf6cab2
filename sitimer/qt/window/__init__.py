"""The main window: the programme picker, and the one page in front of it."""
