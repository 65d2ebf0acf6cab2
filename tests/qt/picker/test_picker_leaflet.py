"""The picker true to the leaflets (issue 12): the card's own numbers, the daily walk apart, the time a day.

Seed 002's card swaps 5 and 6 between its table and its descriptions; its exercise 1 (walk or
cycle, "n.v.t.") is done once a day, not in each of the 3-5 sessions a day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

from sitimer.core.history.errors import HistoryError
from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.recorder import session_start
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.window.main_window import MainWindow


def all_phases_on(si_blokkade: Path, folder: Path) -> Path:
    """Seed 002 with its building-up phase switched on: exercises 5 to 11 as well."""
    text = si_blokkade.read_text(encoding="utf-8")
    assert text.count("\n    enabled: false") == 1
    path = folder / "all-on.yaml"
    path.write_text(text.replace("\n    enabled: false", "\n    enabled: true"), encoding="utf-8")
    return path


def open_window(qtbot, data: Path, lang: str = "en", therapist: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(data_dir=data, lang=lang, start_session=lambda _path: None, therapist=therapist)
    qtbot.addWidget(win)
    return win


def test_the_cards_own_number_shows_beside_ours_where_the_card_numbers_otherwise(
    qtbot, tmp_path, si_blokkade
):
    win = open_window(qtbot, tmp_path / "data")
    win.select(all_phases_on(si_blokkade, tmp_path))
    table = re.sub(r"</?a\b[^>]*>", "", win.picker.exercises_label.text())  # names link to their figure
    # table 5 "10x hol en bol" is the card's description "Oef. 6"; table 6 is the fifth, "Afb. 5"
    assert "<b>Pelvic tilt (hollow and round)</b> <span style='color:#" in table
    assert "(card: ex. 6)</span>" in table and "(card: fig. 5)</span>" in table
    assert (
        table.index("(card: ex. 6)")
        < table.index("Knee to opposite shoulder")
        < table.index("(card: fig. 5)")
    )
    assert table.count("(card:") == 2  # 2-4 and 7-11 are numbered alike: nothing added


def test_dutch_card_numbers_and_time_a_day(qtbot, tmp_path, si_blokkade, dutch):
    win = open_window(qtbot, tmp_path / "data", lang="nl")
    win.select(all_phases_on(si_blokkade, tmp_path))
    picker = win.picker
    assert "(kaart: oef. 6)" in picker.exercises_label.text()
    assert "(kaart: afb. 5)" in picker.exercises_label.text()
    assert picker.daily_total_label.text() == "± 30\u00a0min per keer × 3–5 per dag = 1,5–2,5 uur per dag"
    assert picker.meta_label.text() == "3–5× per dag · ongeveer 30\u00a0min per sessie"


def test_the_time_a_day_is_the_session_times_the_sessions_a_day(qtbot, tmp_path, si_blokkade, si_gewricht):
    win = open_window(qtbot, tmp_path / "data")
    win.select(si_blokkade)  # exercises 2-4; the walk is not counted
    assert (
        win.picker.daily_total_label.text()
        == "about 11\u00a0min a session × 3–5 a day = 33–55\u00a0min a day"
    )
    win.select(all_phases_on(si_blokkade, tmp_path))  # 2-11: the therapist sees what "all on" asks
    assert (
        win.picker.daily_total_label.text() == "about 30\u00a0min a session × 3–5 a day = 1.5–2.5 hours a day"
    )
    win.select(si_gewricht)
    assert win.picker.daily_total_label.text() == "about 26\u00a0min a session × 2 a day = 52\u00a0min a day"


def app_window(qtbot, data: Path) -> App:  # type: ignore[no-untyped-def]
    app = App(Options(lang="en", data_dir=data), sound=lambda: (SilentTonePlayer(), SilentSpeaker()))
    qtbot.addWidget(app.window)
    return app


def test_the_daily_walk_is_ticked_off_for_today_and_shows_ticked_on_reopening(qtbot, tmp_path, si_blokkade):
    data = tmp_path / "data"
    app = app_window(qtbot, data)
    picker = app.window.picker
    picker.select(si_blokkade)
    assert picker.daily.isVisibleTo(picker)
    assert picker.daily.caption.text() == "Every day, apart from the sessions:"
    [box] = picker.daily.boxes.values()
    assert box.text() == "Walk or cycle" and not box.isChecked()
    assert not (data / "history.db").exists()  # only looking makes no history
    box.click()
    assert app.history().activities_done("si-blokkade-herstel", date.today()) == {"wandelen-fietsen"}
    app.history().close()

    again = app_window(qtbot, data)  # the patient opens sitimer again the same day
    again.window.picker.select(si_blokkade)
    [box] = again.window.picker.daily.boxes.values()
    assert box.isChecked()
    box.click()  # ticked by mistake: taken back
    assert again.history().activities_done("si-blokkade-herstel", date.today()) == set()
    again.history().close()


def test_a_tick_is_for_one_day_and_one_programme(qtbot, tmp_path, si_blokkade, si_gewricht):
    data = tmp_path / "data"
    store = HistoryStore(data / "history.db")
    store.tick_activity("si-blokkade-herstel", "wandelen-fietsen", date(2026, 12, 4))
    win = open_window(qtbot, data)
    win.picker.today = lambda: date(2026, 12, 5)
    win.picker.use_history(lambda: store)
    win.select(si_blokkade)
    [box] = win.picker.daily.boxes.values()
    assert not box.isChecked()  # yesterday's walk is not today's
    win.picker.today = lambda: date(2026, 12, 4)
    win.select(si_gewricht)
    assert not win.picker.daily.isVisibleTo(win.picker)  # seed 000 has no daily activity
    win.select(si_blokkade)
    assert next(iter(win.picker.daily.boxes.values())).isChecked()
    store.close()


def test_a_window_left_open_overnight_shows_the_new_days_ticks(qtbot, tmp_path, si_blokkade):
    data = tmp_path / "data"
    store = HistoryStore(data / "history.db")
    win = open_window(qtbot, data)
    win.show()
    day = [date(2026, 12, 4)]
    win.picker.today = lambda: day[0]
    win.picker.use_history(lambda: store)
    win.select(si_blokkade)
    [box] = win.picker.daily.boxes.values()
    box.click()  # walked on the 4th
    assert win.picker.midnight.isActive()  # the window waits for the day to turn
    day[0] = date(2026, 12, 5)
    win.picker.midnight.timeout.emit()  # midnight, the window still open
    assert not box.isChecked()  # the 5th has no walk yet
    box.click()
    assert store.activities_done("si-blokkade-herstel", date(2026, 12, 5)) == {"wandelen-fietsen"}
    assert store.activities_done("si-blokkade-herstel", date(2026, 12, 4)) == {"wandelen-fietsen"}

    day[0] = date(2026, 12, 6)  # the computer slept through midnight: the timer never came
    win.hide()
    win.show()
    assert not box.isChecked()
    store.close()


def test_in_the_treatment_room_the_walk_is_named_without_a_box(qtbot, tmp_path, si_blokkade):
    win = open_window(qtbot, tmp_path / "data", therapist=True)
    win.picker.use_history(lambda: pytest.fail("the treatment room keeps no patient's ticks"))
    win.select(si_blokkade)
    assert win.picker.daily.boxes == {}
    assert [label.text() for label in win.picker.daily.names] == ["Walk or cycle"]
    assert not win.picker.daily.hint.isVisibleTo(win.picker)


def test_the_whole_summary_shows_in_the_list_at_1280x720(qtbot, tmp_path, si_gewricht, dutch):
    """The review wording is longer than "4 weken lang": the summary wraps instead of ending in "…"."""
    win = open_window(qtbot, tmp_path / "data", lang="nl")
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    win.select(si_gewricht)
    lst = win.picker.list
    item = lst.currentItem()
    option = QStyleOptionViewItem()
    lst.initViewItemOption(option)
    option.rect = lst.visualItemRect(item)
    lines = lst.itemDelegate().summary_lines(option, lst.indexFromItem(item))
    assert " ".join(lines) == "2× per dag, controle na 4 weken · ongeveer 26\u00a0min per sessie"
    assert len(lines) > 1 and "…" not in "".join(lines)
    title = lst.itemDelegate().title_lines(option, lst.indexFromItem(item))
    height = len(title) * QFontMetrics(option.font).height() + len(lines) * 10
    assert lst.visualItemRect(item).height() > height  # the row is tall enough for every line


class BusyStore:
    """A history another program holds: reading the sessions and ticking both fail."""

    def activities_done(self, *_args: object) -> set[str]:
        return set()

    def sessions(self, **_kwargs: object) -> list[object]:
        raise HistoryError("history busy: another sitimer is writing it")

    def tick_activity(self, *_args: object) -> None:
        raise HistoryError("history busy: another sitimer is writing it")


def test_a_tick_the_history_cannot_take_now_is_kept_aside_and_added_later(
    qtbot, tmp_path, si_blokkade, capsys
):
    """Another program held the history: the tick was lost (the box unticked again, a line on the
    terminal alone). It is kept in a side file, as a session's writes are, and the next opening of
    the history adds it."""
    data = tmp_path / "data"
    HistoryStore(data / "history.db").close()
    win = open_window(qtbot, data)
    win.picker.use_history(lambda: BusyStore())
    win.select(si_blokkade)
    assert not win.picker.today_label.isVisibleTo(win.picker)  # the day unread: not shown as none done
    assert "history busy: another sitimer is writing it" in capsys.readouterr().err
    [box] = win.picker.daily.boxes.values()
    box.click()
    assert box.isChecked()
    assert win.picker.daily.kept_label.isVisibleTo(win.picker)
    assert "kept, and added to it later" in win.picker.daily.kept_label.text()
    assert "history busy: another sitimer is writing it" in capsys.readouterr().err
    assert len(list(data.glob("history-pending-*.jsonl"))) == 1

    store = HistoryStore(data / "history.db")  # the history free again: the next start opens it
    assert store.activities_done("si-blokkade-herstel", date.today()) == {"wandelen-fietsen"}
    assert "A daily activity's tick kept in" in " ".join(store.notices)
    assert list(data.glob("history-pending-*.jsonl")) == []
    store.close()


def test_a_tick_kept_aside_and_then_taken_back_in_the_history_stays_taken_back(qtbot, tmp_path, si_blokkade):
    """Ticked while the history was busy (kept aside), then unticked once it was free: the side
    file, added at the next start after the untick, must not tick it again."""
    data = tmp_path / "data"
    HistoryStore(data / "history.db").close()
    win = open_window(qtbot, data)
    busy = [True]
    store = HistoryStore(data / "history.db")
    win.picker.use_history(lambda: BusyStore() if busy[0] else store)
    win.select(si_blokkade)
    [box] = win.picker.daily.boxes.values()
    box.click()  # kept aside
    assert box.isChecked() and len(list(data.glob("history-pending-*.jsonl"))) == 1
    busy[0] = False
    box.click()  # taken back, in the history
    assert not box.isChecked() and list(data.glob("history-pending-*.jsonl")) == []
    assert not win.picker.daily.kept_label.isVisibleTo(win.picker)
    store.close()
    again = HistoryStore(data / "history.db")  # the next start
    assert again.activities_done("si-blokkade-herstel", date.today()) == set()
    again.close()


def sessions_on(
    store_path: Path, programme: Path, days: dict[date, int], status: str = "completed"
) -> HistoryStore:
    """A history with ``days[d]`` sessions of ``programme`` on each day, ended with ``status`` (from
    10:00 UTC, the same local day in any time zone from UTC−10 to UTC+13)."""
    store = HistoryStore(store_path)
    plan = build_plan(load_file(programme))
    for day, count in days.items():
        for n in range(count):
            at = datetime.combine(day, time(10 + n), tzinfo=UTC)
            sid = store.begin(session_start(plan, simulated=False), at=at)
            store.end(sid, status, at=at + timedelta(minutes=30))
    return store


def test_a_returning_patient_sees_how_many_sessions_are_done_today_and_the_days_in_a_row(
    qtbot, tmp_path, si_gewricht, si_blokkade
):
    """2 × a day: after the morning's session the picker says one is still to do, then the day is kept."""
    data = tmp_path / "data"
    days = {date(2026, 12, 3): 2, date(2026, 12, 4): 2, date(2026, 12, 5): 1}
    store = sessions_on(data / "history.db", si_gewricht, days)
    win = open_window(qtbot, data)
    win.picker.today = lambda: date(2026, 12, 5)
    win.picker.use_history(lambda: store)
    win.select(si_gewricht)
    line = win.picker.today_label
    assert line.isVisibleTo(win.picker)
    assert line.text() == "Today: 1 of 2 · 2 days in a row"  # today still open: the 3rd and the 4th

    evening = store.begin(
        session_start(build_plan(load_file(si_gewricht)), simulated=False),
        at=datetime(2026, 12, 5, 18, tzinfo=UTC),
    )
    store.end(evening, "completed")
    win.show_picker()  # back from the evening's session
    assert line.text() == "Today: 2 of 2 ✓ · 3 days in a row"

    win.select(si_blokkade)  # never done: nothing to count
    assert not line.isVisibleTo(win.picker)
    store.close()


def test_a_stopped_session_is_not_counted_as_done_today(qtbot, tmp_path, si_gewricht):
    data = tmp_path / "data"
    store = sessions_on(data / "history.db", si_gewricht, {date(2026, 12, 5): 1}, status="stopped")
    win = open_window(qtbot, data)
    win.picker.today = lambda: date(2026, 12, 5)
    win.picker.use_history(lambda: store)
    win.select(si_gewricht)
    assert win.picker.today_label.text() == "Today: 0 of 2"  # begun, so shown; no day kept yet
    store.close()


def test_a_new_patient_and_the_treatment_room_see_no_day_and_make_no_history(qtbot, tmp_path, si_gewricht):
    data = tmp_path / "data"
    app = app_window(qtbot, data)
    app.window.picker.select(si_gewricht)
    assert not app.window.picker.today_label.isVisibleTo(app.window.picker)
    assert not (data / "history.db").exists()  # only looking makes no history

    store = sessions_on(data / "history.db", si_gewricht, {date.today(): 1})
    room = open_window(qtbot, data, therapist=True)
    room.picker.use_history(lambda: pytest.fail("the treatment room shows no patient's day"))
    room.select(si_gewricht)
    assert not room.picker.today_label.isVisibleTo(room.picker)
    store.close()


def test_a_window_left_open_overnight_starts_the_new_day_at_none_done(qtbot, tmp_path, si_gewricht, dutch):
    data = tmp_path / "data"
    store = sessions_on(data / "history.db", si_gewricht, {date(2026, 12, 4): 2, date(2026, 12, 5): 2})
    win = open_window(qtbot, data, lang="nl")
    win.show()
    day = [date(2026, 12, 5)]
    win.picker.today = lambda: day[0]
    win.picker.use_history(lambda: store)
    win.select(si_gewricht)
    assert win.picker.today_label.text() == "Vandaag: 2 van 2 ✓ · 2 dagen op rij"
    assert win.picker.midnight.isActive()  # the window waits for the day to turn
    day[0] = date(2026, 12, 6)
    win.picker.midnight.timeout.emit()
    assert win.picker.today_label.text() == "Vandaag: 0 van 2 · 2 dagen op rij"  # the 6th still open

    day[0] = date(2026, 12, 8)  # asleep through two midnights; the 6th and 7th went by undone
    win.hide()
    win.show()
    assert win.picker.today_label.text() == "Vandaag: 0 van 2"
    store.close()
