"""What the tests share: fake services and clocks, history data, an X display, and where things are."""

from pathlib import Path

HELPERS = Path(__file__).resolve().parent
REPO = HELPERS.parents[1]
