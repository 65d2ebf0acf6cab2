"""Shared test set-up: Qt runs offscreen, and nothing touches the user's real data."""

import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt import logging as qt_logging

from sitimer.core import logcap

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# What the app quiets at start-up (Qt Multimedia looking for PipeWire before PulseAudio), quiet in
# tests too: a test that makes a window in-process does not run the app's start-up.
logcap.quiet_qt()

REPO = Path(__file__).resolve().parent.parent
PROGRAMMES = REPO / "programmes"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own SITIMER_DATA_DIR."""
    data = tmp_path / "data"
    monkeypatch.setenv("SITIMER_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # where a history's journal may go
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # start at login: never the real one
    return data


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt's one QApplication is sitimer's own, as the app makes it (macOS's files arrive there)."""
    from sitimer.qt.common.startup import Application

    return Application


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR of its own, as a login session has, with a short path: a Unix
    socket's path may not pass 107 bytes, and tmp_path with pytest-xdist's worker folder is long."""
    folder = Path(tempfile.mkdtemp(prefix="rt-"))  # 0700
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _default_locale_kept() -> Iterator[None]:
    """A test that starts the app in Dutch sets Qt's default locale (numbers written 2,5); the tests
    after it get the one from before."""
    qt = sys.modules.get("PySide6.QtCore")
    before = qt.QLocale() if qt is not None else None
    yield
    qt = sys.modules.get("PySide6.QtCore")
    if qt is not None:
        qt.QLocale.setDefault(before if before is not None else qt.QLocale.system())


@pytest.fixture
def si_gewricht() -> Path:
    """The bundled programme of seed 000."""
    return PROGRAMMES / "si-gewricht.yaml"


@pytest.fixture
def si_blokkade() -> Path:
    """The bundled programme of seed 002."""
    return PROGRAMMES / "si-blokkade-herstel.yaml"


# -- Qt's own floods ---------------------------------------------------------------------------
# pytest-qt keeps every Qt message of a test in memory. Qt can spin printing one warning without
# end (seen once in CI: Qt Multimedia's "QSocketNotifier: Invalid socket N ..., disabling..." on a
# notifier it closed on another thread), and the run then grows until the machine kills it with no
# word of why. Here each kind of message is kept at most KEPT times a test, and one that repeats
# SPINNING times stops the run at once, saying which message and which test.
KEPT = 100
SPINNING = 20_000
_keep = qt_logging._QtMessageCapture._append_new_record
_current: list[pytest.Item] = []


def _append_capped(self, msg_type, message, context):  # type: ignore[no-untyped-def]
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    seen = self.__dict__.setdefault("_kinds", Counter())
    kind = logcap.kind(text.encode())
    seen[kind] += 1
    if seen[kind] <= KEPT:
        _keep(self, msg_type, message, context)
    elif seen[kind] == SPINNING:
        _stop_the_run(text)


def _stop_the_run(text: str) -> None:
    item = _current[0]
    line = f"Qt printed this {SPINNING} times in {item.nodeid}: Qt is spinning, the run stops here:\n{text}"
    capture = item.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n{line}", file=sys.stderr, flush=True)
    os._exit(3)


qt_logging._QtMessageCapture._append_new_record = _append_capped  # type: ignore[method-assign]


def pytest_runtest_setup(item: pytest.Item) -> None:
    _current[:] = [item]


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in Amsterdam (UTC+1 in winter, +2 in summer)."""
    import time

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
