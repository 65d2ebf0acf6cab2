"""What the command line asked of the app, and the error the person at the terminal must fix.

Kept apart from the windows so the command line and the kiosk can use them without
loading any page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    """What the command line asked for; fixed for the whole run (the app keeps its own state)."""

    lang: str
    data_dir: Path
    programme: Path | None = None  # `run FILE`: straight into this programme
    opened: Path | None = None  # `open FILE`: the picker on this programme, ready to start
    speed: float = 1.0
    auto: bool = False
    cue_log: Path | None = None
    exit_when_done: bool = False
    demo: bool = False  # the treatment room: presenter view, nothing recorded
    figure: bool = True  # `--no-figure`: no moving figure in this run's session, whatever the settings say
    kiosk: bool = False  # the practice gym: locked full screen, patients by code
    screen: int | None = None  # which screen to use (a second monitor or a TV)
    history_url: str = ""  # a practice's PostgreSQL server the history is also sent to ("" : none)
    reminders: bool = False  # `--reminders`: in the background; the window shows when a reminder is answered


class UserError(Exception):
    """Something the person at the terminal must fix; ``main()`` prints it as ``sitimer: ...``, exit 1."""
