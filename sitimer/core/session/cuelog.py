"""The cue log: one JSON line per cue, written and flushed as the cue happens.

`sitimer run --cue-log PATH` uses it, so a test or a curious therapist can
read, while a session runs, what was cued, when it was due and when it came,
and what the voice says for it (``"say"``, in the session's language).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sitimer.core.notices import say
from sitimer.core.session.cues import Cue
from sitimer.core.session.engine import Event, EventKind


class CueLog:
    """Appends ``{"cue", "step", "scheduled_s", "actual_s", "say", ...}`` lines to a file.

    ``words`` gives what the voice says for a cue (None: a tone only, or the voice is off);
    the core knows no wording, so the session's sound lends it.
    """

    def __init__(self, path: str | Path, words: Callable[[Cue], str | None]) -> None:
        self.path = Path(path)
        self.words = words
        self._file: TextIO | None = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write(self, event: Event, session_start: float, now: float) -> None:
        """Log one cue event: its due time and the time it was handed out, from session start."""
        if event.kind is not EventKind.CUE or event.cue is None or self._file is None:
            return
        cue = event.cue
        line: dict[str, object] = {
            "cue": cue.kind.value,
            "step": event.step,
            "scheduled_s": round(event.at - session_start, 6),
            "actual_s": round(now - session_start, 6),
            "say": self.words(cue),
        }
        for name in ("exercise", "count", "set", "sets", "seconds"):
            value = getattr(cue, name)
            if value is not None:
                line[name] = value
        if cue.side is not None:
            line["side"] = cue.side.value
        try:
            self._file.write(json.dumps(line, ensure_ascii=False) + "\n")
            self._file.flush()
        except OSError as err:  # a full disk: the session goes on, the log stops, and says so
            self._give_up(err)

    def close(self) -> None:
        """Close the file."""
        if self._file is None:
            return
        try:
            self._file.close()
        except OSError as err:
            self._give_up(err)
        self._file = None

    def _give_up(self, err: OSError) -> None:
        say(f"cannot write cue log {self.path}: {err.strerror or err}; no more cues are logged")
        file, self._file = self._file, None
        try:
            if file is not None:
                file.close()
        except OSError:
            pass  # what could not be flushed is lost with the log, not with the session
