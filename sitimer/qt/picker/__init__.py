"""Choosing a programme, and its printed handout."""
