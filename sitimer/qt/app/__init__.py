"""The home app around the picker, and the SessionFlow by which it and the kiosk start and end a session."""
