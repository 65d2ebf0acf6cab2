"""The home window's pages in a window as short as a small laptop leaves it: nothing drawn over
anything else, every button whole. (The pages after a session: tests/qt/session/test_questions.py.)"""

import json

import pytest
from PySide6.QtWidgets import QScrollArea

from sitimer.core.options import Options
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.progress.view import HistoryView
from tests.helpers.history_data import two_weeks
from tests.helpers.screens import SHORT_SIZES, as_the_app_runs, cut_buttons, overlapping

PAGES = {
    "picker": lambda app, path: app.window.select(path),
    "progress": lambda app, path: app.show_progress(path),
    "reminders": lambda app, path: app.reminder_flow().show_settings(),
}


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking order
@pytest.mark.parametrize("size", SHORT_SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("name", PAGES)
def test_each_page_fits_a_short_window(qtbot, qapp, tmp_path, si_gewricht, name, lang, size):
    """Seen at 1024×600: the progress view's calendar lay under the caption of the chart."""
    data = tmp_path / "data"
    two_weeks(data / "history.db", si_gewricht).close()
    (data / "settings.json").write_text(json.dumps({"voice": False}))
    with as_the_app_runs(qapp, lang):
        app = App(Options(lang=lang, data_dir=data), sound=lambda: (SilentTonePlayer(), SilentSpeaker()))
        qtbot.addWidget(app.window)
        app.window.resize(*size)
        app.window.show()
        qtbot.waitExposed(app.window)
        PAGES[name](app, si_gewricht)
        assert app.window.size().toTuple() == size, "the page made the window larger than the screen's room"
        assert overlapping(app.window) == []
        assert cut_buttons(app.window) == []
        if name == "progress" and size == (1280, 650):  # scrolls on a netbook only
            [view] = app.window.findChildren(HistoryView)
            assert not view.findChild(QScrollArea).verticalScrollBar().isVisible()
