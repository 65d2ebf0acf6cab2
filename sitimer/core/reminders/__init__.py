"""Reminders: when one is due, what is remembered between starts, the check-in, start at login."""
