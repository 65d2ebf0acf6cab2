"""The application: start-up, the main window, and how a session is started and ended."""
