"""The practice kiosk: its configuration, codes and PIN, and the idle deadline."""
