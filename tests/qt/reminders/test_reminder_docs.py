"""Issue 18, 8: the user guide says where reminder times come from and how start at login works,
and shows the real notification; every picture it names there exists."""

from __future__ import annotations

import re

from tests.helpers import REPO

GUIDE = REPO / "docs" / "user-guide.md"


def section() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("## Reminders and check-ins")
    return text[start : text.index("\n## ", start + 1)]


def test_the_guide_tells_where_times_come_from_and_how_start_at_login_works() -> None:
    text = section()
    assert "**Where the times come from.**" in text and "**Suggested**" in text
    assert "**Start at login.**" in text and "sitimer --reminders" in text
    pictures = re.findall(r"!\[[^]]*\]\(([^)]+)\)", text)
    assert "screenshots/reminder-notification.png" in pictures  # the desktop's own notification
    for picture in pictures:
        assert (GUIDE.parent / picture).is_file(), picture
