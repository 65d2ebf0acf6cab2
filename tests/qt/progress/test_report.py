"""The therapist's PDF: its text read back with pdftotext, as a therapist's PDF reader would."""

import json
import re
import shutil
import sqlite3
import stat
import subprocess
from datetime import UTC, date, datetime

import pytest

from sitimer.core.history.export import ExportError
from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.common import files
from sitimer.qt.kiosk.app import KioskApp
from sitimer.qt.progress.report import write_report
from tests.helpers.history_data import record_session, two_weeks

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")


SUNDAY = date(2026, 11, 15)  # the last day of the two weeks: the report made that evening


@pytest.fixture
def history(tmp_path, si_gewricht):
    return two_weeks(tmp_path / "history.db", si_gewricht)


def _text(pdf):
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_report_shows_prescription_adherence_dose_pain_and_notes(history, tmp_path, qapp):
    pdf = tmp_path / "report.pdf"
    count = write_report(pdf, history, tmp_path, lang="en", today=SUNDAY)
    assert count == 26
    text = _text(pdf)
    assert "SI joint: mobilising exercises" in text
    assert "2 sessions a day, for 4 weeks" in text
    assert "2026-11-02 to 2026-11-15" in text
    weeks = ["".join(line.split()) for line in text.splitlines() if line.strip().startswith("2026-11-0")]
    # sessions done / prescribed, adherence, days kept; then adherent (at 80 %), above the minimum,
    # not completed
    assert "2026-11-0213/1493%6/7yes00" in weeks
    assert "2026-11-0913/1493%6/7yes00" in weeks
    windmills = next(line for line in text.splitlines() if line.strip().startswith("Windmills"))
    stretch = next(line for line in text.splitlines() if line.strip().startswith("SI stretch"))
    assert "3 sets, 3 min in all" in stretch  # not read as 3 minutes a set
    assert "3 × 30 reps" in windmills and "2340 reps" in windmills and "93 %" in windmills
    assert "6.0" in text and "3.0" in text  # mean pain per week, easing
    assert "2026-11-03: Stijf na het opstaan" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:           1" in pages or "Pages:           2" in pages


def test_the_report_has_a_line_for_the_patient(history, tmp_path, qapp):
    pdf = tmp_path / "report.pdf"
    write_report(pdf, history, tmp_path, lang="en", today=SUNDAY)
    lines = _text(pdf).splitlines()
    assert lines.index("Exercise report") < lines.index("Patient: " + "_" * 40)  # to fill in by hand
    write_report(pdf, history, tmp_path, lang="en", patient="J. de  Vries\n", today=SUNDAY)
    assert "Patient: J. de Vries" in _text(pdf).splitlines()


def test_since_leaves_out_earlier_sessions(history, tmp_path, qapp):
    pdf = tmp_path / "report.pdf"
    from datetime import date

    assert write_report(pdf, history, tmp_path, since=date(2026, 11, 9), today=SUNDAY) == 13
    assert "2026-11-09 to 2026-11-15" in _text(pdf)


def test_one_of_a_thing_reads_as_one(tmp_path, si_blokkade, qapp):
    moment = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    store = HistoryStore(tmp_path / "history.db", now=lambda: moment)
    record_session(store, build_plan(load_file(si_blokkade)), status="stopped")
    store.tick_activity("si-blokkade-herstel", "wandelen-fietsen", moment.date())
    pdf = tmp_path / "report.pdf"
    assert write_report(pdf, store, tmp_path, lang="en", today=date(2026, 11, 20)) == 1
    text = " ".join(_text(pdf).split())
    assert "(1 day), 1 session recorded." in text
    assert "1 session was stopped early or cut" in text  # pdftotext reads "off" as a ligature
    # walking or cycling is a daily activity ticked off, not a step of the session (leaflet: "n.v.t.")
    walk = next(line for line in _text(pdf).splitlines() if line.startswith("Walk or cycle"))
    assert walk.split()[3:] == ["1", "of", "1", "day"]
    assert "1 sets" not in text and "1 days" not in text and "1 sessions" not in text


def test_pain_given_before_a_session_is_in_the_report_when_nothing_was_rated_after(
    tmp_path, si_gewricht, qapp
):
    """A session stopped with only the pain asked before it: the report said "No ratings were
    given" of a patient who had given a pain of 3."""
    moment = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    store = HistoryStore(tmp_path / "history.db", now=lambda: moment)
    sid = record_session(store, build_plan(load_file(si_gewricht)), status="stopped")
    store.rate(sid, pain=None, effort=None, note=None, pain_before=3)
    pdf = tmp_path / "report.pdf"
    assert write_report(pdf, store, tmp_path, lang="en", today=date(2026, 11, 20)) == 1
    text = _text(pdf)
    assert "No ratings were given" not in text
    flat = " ".join(text.split())
    assert "Mean pain before" in flat and "Mean pain after" in flat  # which pain is which
    rated = text[text.index("Mean pain before") :]  # the week's row of that table
    row = next(line for line in rated.splitlines() if line.strip().startswith("2026-11-16"))
    assert row.split() == ["2026-11-16", "3.0", "–", "–"]


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_the_report_replaces_an_earlier_one_whole_and_for_its_owner_only(history, tmp_path, qapp):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"an earlier report")
    pdf.chmod(0o644)
    write_report(pdf, history, tmp_path, today=SUNDAY)
    assert pdf.read_bytes().startswith(b"%PDF-") and _mode(pdf) == 0o600
    with pytest.raises(ExportError, match="no folder"):
        write_report(tmp_path / "gone" / "report.pdf", history, tmp_path)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_what_the_progress_view_and_the_kiosk_export_is_for_their_owner_only(
    qtbot, tmp_path, si_gewricht, monkeypatch
):
    data = tmp_path / "data"
    two_weeks(data / "history.db", si_gewricht, profile="123456").close()
    (data / "settings.json").write_text(json.dumps({"voice": False}))  # no speech engine start-up
    out = {kind: tmp_path / f"out.{kind}" for kind in ("pdf", "csv")}
    for path in out.values():
        path.write_text("readable by all")
        path.chmod(0o644)
    monkeypatch.setattr(files, "save_file_name", lambda *a, **kw: out[kind])
    silent = lambda: (SilentTonePlayer(), SilentSpeaker())  # noqa: E731
    app = App(Options(lang="en", data_dir=data), sound=silent)
    qtbot.addWidget(app.window)
    for kind in out:
        app._export(app.history(), kind)
        assert _mode(out[kind]) == 0o600 and out[kind].read_text(errors="replace") != "readable by all"
        out[kind].chmod(0o644)
    kiosk = KioskApp(Options(lang="en", data_dir=data), sound=silent)
    qtbot.addWidget(kiosk.window)
    try:
        for kind in out:
            assert kiosk.export("123456", kind) == out[kind]
            assert _mode(out[kind]) == 0o600
    finally:
        kiosk.input.stop()


def test_the_file_name_offered_is_in_the_patients_language(qtbot, qapp, tmp_path, si_gewricht, monkeypatch):
    from sitimer.qt.common.translation import install_translator

    data = tmp_path / "data"
    two_weeks(data / "history.db", si_gewricht).close()
    (data / "settings.json").write_text(json.dumps({"voice": False}))
    offered = []
    monkeypatch.setattr(files, "save_file_name", lambda _w, _t, name, _p: offered.append(name))
    translator = install_translator(qapp, "nl")
    try:
        app = App(Options(lang="nl", data_dir=data), sound=lambda: (SilentTonePlayer(), SilentSpeaker()))
        qtbot.addWidget(app.window)
        for kind in ("pdf", "csv"):
            app._export(app.history(), kind)  # cancelled: nothing written
        kiosk = KioskApp(
            Options(lang="nl", data_dir=data), sound=lambda: (SilentTonePlayer(), SilentSpeaker())
        )
        qtbot.addWidget(kiosk.window)
        try:
            for kind in ("pdf", "csv"):  # the kiosk's therapist, for one code
                kiosk.export("123456", kind)
        finally:
            kiosk.input.stop()
    finally:
        qapp.removeTranslator(translator)
    assert [name.name for name in offered] == [
        "sitimer-verslag.pdf",
        "sitimer-geschiedenis.csv",
        "sitimer-123456-verslag.pdf",
        "sitimer-123456-geschiedenis.csv",
    ]


def test_the_report_shows_what_the_patient_reported_and_a_week_below_80_percent(tmp_path, si_gewricht, qapp):
    """SI-gewricht, 2x/dag, made on the Sunday: Monday to Saturday with 9 of 12 sessions (75 %) is
    not adherent; a 3rd session on a day is shown as above the minimum; one skipped through is not
    completed; the EARS, GPE, PSK and the reasons given are listed."""
    plan = build_plan(load_file(si_gewricht))
    now = [datetime(2026, 11, 2, 7, tzinfo=UTC)]
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    for day in range(5):
        for hour in (7, 18) if day < 4 else (7,):
            now[0] = datetime(2026, 11, 2 + day, hour, tzinfo=UTC)
            record_session(store, plan)
    now[0] = datetime(2026, 11, 3, 12, tzinfo=UTC)
    record_session(store, plan)  # a third on Tuesday: above the minimum
    now[0] = datetime(2026, 11, 7, 9, tzinfo=UTC)
    record_session(store, plan, status="partial")  # Saturday, skipped through
    store.save_missed_reason("si-gewricht", datetime(2026, 11, 7).date(), "no_time")
    store.save_missed_reason("si-gewricht", datetime(2026, 11, 8).date(), "pain")
    now[0] = datetime(2026, 11, 9, 20, tzinfo=UTC)  # the EARS answered on Monday evening
    store.save_ears("si-gewricht", datetime(2026, 11, 9).date(), (1, 3, 3, 1, 4, 0))
    store.save_gpe("si-gewricht", datetime(2026, 11, 16, 9, tzinfo=UTC), 2)
    store.save_psk("si-gewricht", datetime(2026, 11, 2, 8, tzinfo=UTC), (("Running", 7),))
    store.save_psk("si-gewricht", datetime(2026, 11, 16, 9, tzinfo=UTC), (("Running", 3),))
    pdf = tmp_path / "report.pdf"
    write_report(pdf, store, tmp_path, lang="en", today=date(2026, 11, 8))
    text = _text(pdf)
    rows = ["".join(line.split()) for line in text.splitlines()]
    assert "2026-11-029/1275%4/6no11" in rows  # capped per day; 1 above, 1 not completed: not adherent
    assert "2026-11-0920/24" in rows  # the day answered, the EARS total (higher is more adherent)
    assert "2026-11-162·Muchimproved" in rows
    assert "Running73" in rows  # the PSK activity from 7 at the start to 3
    flat = " ".join(text.split())
    assert "Why sessions were missed: Pain 1×, No time 1×." in flat
    assert "at least 80 % of its prescribed dose" in flat


def test_the_headings_break_only_between_words_or_where_dutch_breaks_them(history, tmp_path, qapp):
    """Seen in a Dutch report: "voorgesc|hreven" and "Therapiet|rouw", broken anywhere."""
    from sitimer.qt.common.translation import install_translator

    def words(lang: str) -> list[str]:
        translator = install_translator(qapp, lang)
        try:
            pdf = tmp_path / f"report-{lang}.pdf"
            write_report(pdf, history, tmp_path, lang=lang, today=SUNDAY)
        finally:
            if translator is not None:
                qapp.removeTranslator(translator)
        return subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()

    english = words("en")
    assert {"Adherence", "prescribed", "completed"} <= set(english)
    dutch = words("nl")
    for word, parts in (("voorgeschreven", ("voor", "geschreven")), ("Therapietrouw", ("Therapie", "trouw"))):
        assert word in dutch  # whole, or broken at its hyphen (pdftotext joins it again)
        cut = {word[:i] for i in range(5, len(word))} | {word[i:] for i in range(1, len(word) - 4)}
        assert cut.isdisjoint({w.strip("-") for w in dutch} - set(parts)), word  # and nowhere else


def test_a_table_carried_to_the_next_page_keeps_its_header_and_dutch_decimals(history, tmp_path, qapp):
    """Seen in a Dutch report: "Week van · Gemiddelde pijn · Gemiddelde inspanning" alone at the foot
    of page 1, its rows on page 2 under no header, and the means written "6.0" in Dutch."""
    from sitimer.qt.common.translation import install_translator

    translator = install_translator(qapp, "nl")
    try:
        pdf = tmp_path / "verslag.pdf"
        write_report(pdf, history, tmp_path, lang="nl", today=SUNDAY)
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    rows = [p for p in pages if re.search(r"09-11-2026\s+3,0\s+4,0", p)]  # week 2's means, a Dutch date
    assert len(rows) == 1, "the weekly means, with decimal commas"
    assert "Gemiddelde pijn" in rows[0]  # their header on the same page


def test_a_week_with_nothing_due_yet_has_no_figure_not_zero_percent(tmp_path, si_gewricht, qapp):
    """A week begun with a stopped session: the report said "0 / 0, 0 %, 0 / 0, no" where the progress
    view says "–" (docs/adherence.md: nothing due, no figure)."""
    plan = build_plan(load_file(si_gewricht))
    store = HistoryStore(tmp_path / "history.db", now=lambda: datetime(2026, 11, 4, 9, tzinfo=UTC))
    record_session(store, plan, status="interrupted")  # a Wednesday
    pdf = tmp_path / "report.pdf"
    write_report(pdf, store, tmp_path, lang="en", today=date(2026, 11, 4))
    rows = ["".join(line.split()) for line in _text(pdf).splitlines()]
    [week] = [row for row in rows if row.startswith("2026-11-02")]
    assert week.endswith("–01") and "0%" not in week, week  # no %, no days, no verdict


def test_since_goes_by_the_day_each_session_was_done_where_it_was_done(tmp_path, si_gewricht, qapp):
    """A session at 20:02 on 5 December in New York, the next at 08:01 on the 6th in Amsterdam: a
    report "since the 6th" made in Amsterdam counted both (by this computer's midnight)."""
    moment = [datetime(2026, 12, 6, 1, 2, tzinfo=UTC)]
    store = HistoryStore(tmp_path / "history.db", now=lambda: moment[0])
    plan = build_plan(load_file(si_gewricht))
    new_york = record_session(store, plan)
    moment[0] = datetime(2026, 12, 6, 7, 1, tzinfo=UTC)
    amsterdam = record_session(store, plan)
    store.close()
    raw = sqlite3.connect(tmp_path / "history.db")
    raw.execute("UPDATE sessions SET utc_offset_min = -300 WHERE id = ?", (new_york,))
    raw.execute("UPDATE sessions SET utc_offset_min = 60 WHERE id = ?", (amsterdam,))
    raw.commit()
    raw.close()
    pdf = tmp_path / "report.pdf"
    store = HistoryStore(tmp_path / "history.db")
    assert write_report(pdf, store, tmp_path, since=date(2026, 12, 6), today=date(2026, 12, 7)) == 1
    assert write_report(pdf, store, tmp_path, since=date(2026, 12, 5), today=date(2026, 12, 7)) == 2
