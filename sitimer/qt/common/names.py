"""What a button is called for a screen reader and for voice control: the words it shows.

Voice control ("click Next") and a screen reader's list of buttons go by the accessible name; a name
other than the label ("Go to the next step" for "Next ▶") could not be said from what the screen
shows. The longer phrase goes in the description, which a screen reader reads after the name.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton

_NOT_SAID = re.compile(r"[▶◀↻✕✓❚−+…]")


def shown_name(text: str) -> str:
    """The words ``text`` shows, as a voice says them: "◀ Back" → "Back", "Open file…" → "Open file"."""
    return " ".join(_NOT_SAID.sub(" ", text).split())


def name_as_shown(button: QAbstractButton, description: str) -> None:
    """Name ``button`` by the words it shows; ``description`` says more of what it does."""
    button.setAccessibleName(shown_name(button.text()))
    button.setAccessibleDescription(description)
