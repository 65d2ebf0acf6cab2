"""What the tests share: fake desktop services and sound, child processes, history data, X display, paths."""

from pathlib import Path

HELPERS = Path(__file__).resolve().parent
REPO = HELPERS.parents[1]
