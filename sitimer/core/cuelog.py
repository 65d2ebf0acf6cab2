"""The cue log: one JSON line per cue, written and flushed as the cue happens.

`sitimer run --cue-log PATH` uses it, so a test or a curious therapist can
read, while a session runs, what was cued, when it was due and when it came.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from sitimer.core.engine import Event, EventKind


class CueLog:
    """Appends ``{"cue", "step", "scheduled_s", "actual_s", ...}`` lines to a file."""

    def __init__(self, path: str | Path) -> None:
        self._file: TextIO = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write(self, event: Event, session_start: float, now: float) -> None:
        """Log one cue event: its due time and the time it was handed out, from session start."""
        if event.kind is not EventKind.CUE or event.cue is None:
            return
        cue = event.cue
        line: dict[str, object] = {
            "cue": cue.kind.value,
            "step": event.step,
            "scheduled_s": round(event.at - session_start, 6),
            "actual_s": round(now - session_start, 6),
        }
        for name in ("exercise", "count", "set", "sets", "seconds"):
            value = getattr(cue, name)
            if value is not None:
                line[name] = value
        if cue.side is not None:
            line["side"] = cue.side.value
        self._file.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        """Close the file."""
        self._file.close()
