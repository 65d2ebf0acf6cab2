"""The main window: the programme picker, or the one page shown in its place."""
