"""Two kiosks of one practice on a real PostgreSQL server: a code given at one opens at the other, a
patient's page counts the sessions done at both, and the therapist sees what is still to be sent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt

from sitimer.core.clock import FakeClock
from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore
from sitimer.core.options import Options
from sitimer.core.practice.sender import waiting
from sitimer.core.practice.server import STATION_ROLE
from sitimer.core.practice.shared import PendingCodes
from sitimer.qt.kiosk.app import KioskApp
from sitimer.qt.kiosk.pages import PatientPage, StartPage
from sitimer.qt.kiosk.therapist import TherapistPage
from tests.helpers.pg_server import PgServer
from tests.qt.kiosk.test_kiosk import PIN, TODAY, add_sessions, cheap_pin, quiet, texts, type_in

CODE = "123456"
WAIT_MS = 20_000  # the server answers in milliseconds; this only bounds a broken test


@pytest.fixture
def make_kiosk(qtbot, tmp_path: Path) -> Iterator[Callable[[str, str, dict[str, list[str]]], KioskApp]]:
    """A kiosk with its own data folder, linked to the server at ``url``."""
    made: list[KioskApp] = []

    def make(name: str, url: str, codes: dict[str, list[str]]) -> KioskApp:
        data = tmp_path / name
        data.mkdir()
        (data / "settings.json").write_text('{"voice": false, "ask_pain_before": false}')
        config = KioskConfig(pin=cheap_pin(PIN))
        for code, refs in codes.items():
            config = config.assign(code, refs)
        KioskConfigStore.in_folder(data).save(config)
        options = Options(lang="en", data_dir=data, history_url=url)
        app = KioskApp(options, clock=FakeClock(), today=lambda: TODAY, sound=quiet)
        qtbot.addWidget(app.window)
        made.append(app)
        return app

    yield make
    for app in made:
        app.input.stop()
        if app.flow.link is not None:
            app.flow.link.close()


def _station_url(pg_server: PgServer, practice_url: str, name: str) -> str:
    pg_server.create_login(name, "kiosk-123", STATION_ROLE)
    return pg_server.url(urlsplit(practice_url).path.lstrip("/"), name, "kiosk-123")


def test_a_code_given_at_one_kiosk_opens_at_the_other_with_every_session_counted(
    qtbot, make_kiosk, pg_server: PgServer, practice_url: str, si_gewricht: Path
) -> None:
    url = _station_url(pg_server, practice_url, "kiosk_gym_a")
    a = make_kiosk("a", url, {"654321": ["si-gewricht.yaml"]})
    b = make_kiosk("b", url, {})
    qtbot.waitUntil(lambda: "654321" in b.config.codes, timeout=WAIT_MS)  # A's own codes went up first

    a.show_therapist()
    page = a.window.page
    assert isinstance(page, TherapistPage)
    page.new_code.setText(CODE)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.programmes.boxes["si-gewricht.yaml"].click()
    pending = PendingCodes(a.options.data_dir)
    qtbot.waitUntil(lambda: not pending.read(), timeout=WAIT_MS)  # on the server
    type_in(qtbot, b.window.start_page, CODE)  # B has not asked since: not known, but B asks now
    assert isinstance(b.window.stack.currentWidget(), StartPage)
    qtbot.waitUntil(lambda: CODE in b.config.codes, timeout=WAIT_MS)
    assert KioskConfigStore.in_folder(b.options.data_dir).load().codes[CODE] == ("si-gewricht.yaml",)

    morning, evening = datetime(2026, 11, 15, 7, tzinfo=UTC), datetime(2026, 11, 15, 18, tzinfo=UTC)
    add_sessions(a.options.data_dir / "history.db", si_gewricht, CODE, [morning])  # at kiosk A
    a.flow.link.poke()  # type: ignore[union-attr]  # as the session's last write does
    qtbot.waitUntil(lambda: not waiting(a.options.data_dir / "history.db"), timeout=WAIT_MS)
    add_sessions(b.options.data_dir / "history.db", si_gewricht, CODE, [evening])  # at kiosk B

    b.reset()
    qtbot.waitUntil(lambda: isinstance(b.window.stack.currentWidget(), StartPage), timeout=WAIT_MS)
    type_in(qtbot, b.window.start_page, CODE)
    assert isinstance(b.window.page, PatientPage)
    qtbot.waitUntil(lambda: "Today: 2 of 2" in texts(b.window.page), timeout=WAIT_MS)  # both kiosks'


def test_the_therapist_page_says_what_is_not_on_the_server_yet(
    qtbot, make_kiosk, tmp_path: Path, si_gewricht: Path
) -> None:
    down = "postgresql://kiosk:geheim@/praktijk?host=/nonexistent&connect_timeout=1"
    kiosk = make_kiosk("c", down, {CODE: ["si-gewricht.yaml"]})
    add_sessions(
        kiosk.options.data_dir / "history.db", si_gewricht, CODE, [datetime(2026, 11, 15, 7, tzinfo=UTC)]
    )
    qtbot.waitUntil(lambda: kiosk.flow.link is not None and kiosk.flow.link.problem != "", timeout=WAIT_MS)
    kiosk.show_therapist()
    page = kiosk.window.page
    assert isinstance(page, TherapistPage)
    shown = page.practice.text()
    assert shown.startswith("Not on the practice's server yet: 1 sessions and ")
    assert "cannot be reached" in shown and "geheim" not in shown + page.practice.toolTip()
    assert "praktijk" in page.practice.toolTip()  # the server's own words, for the therapist
