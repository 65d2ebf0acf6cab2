"""The practice kiosk: the locked window, its pages, the keypad and the therapist page."""
