"""Reminders in the background: the service, notifications, the banner, settings and the check-in."""
