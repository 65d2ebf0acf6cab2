"""Tones and the spoken voice."""
