"""A running session on screen and in sound: view, driver, sound, the presenter view and the rating."""
