"""The one line a station shows for its practice's server: a different cause, a different line."""

from __future__ import annotations

from sitimer.core.practice.server import NEWER, OTHER, REFUSED, UNREACHABLE, PracticeError
from sitimer.qt.app.practice_link import line_for


def test_each_kind_of_server_trouble_has_its_own_calm_line(qapp) -> None:
    lines = {
        kind: line_for(PracticeError("the server said no", kind))
        for kind in (UNREACHABLE, REFUSED, NEWER, OTHER)
    }
    assert lines[UNREACHABLE] == (
        "The practice's server cannot be reached; the sessions are kept here and sent later."
    )
    assert "newer sitimer" in lines[NEWER] and "refused" in lines[REFUSED]
    assert "cannot be reached" not in lines[OTHER] + lines[NEWER]  # a server not set up is there
    assert all(line.endswith("kept here.") or line.endswith("sent later.") for line in lines.values())
