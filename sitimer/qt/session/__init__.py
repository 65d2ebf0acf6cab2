"""A running session on screen and in sound: view, driver, sound, presenter, rating, keeping the screen on."""
