"""The programme editor as a therapist uses it: tailor SI-gewricht for one patient and save their copy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QScrollArea

from sitimer.cli import main
from sitimer.core.paths import bundled_programmes, user_programmes_dir
from sitimer.core.programme.exercise_catalogue import catalogue
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan, session_minutes
from sitimer.qt.common.dose_text import seconds_text
from sitimer.qt.editor.catalogue import CatalogueDialog
from sitimer.qt.editor.window import EditorWindow, run_editor
from sitimer.qt.picker.picker import ProgrammePicker
from tests.helpers.screens import SIZES, as_the_app_runs, cut_buttons


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def editor(qtbot, si_gewricht: Path, data_dir: Path) -> Iterator[EditorWindow]:  # type: ignore[no-untyped-def]
    window = EditorWindow(si_gewricht, data_dir, "en")
    qtbot.addWidget(window)
    yield window
    window.undo_stack.setClean()  # closing must never wait on "save your changes?", even after a failure


def select(editor: EditorWindow, exercise_id: str) -> None:
    """Click an exercise in the list."""
    row = editor.document.exercise_ids().index(exercise_id)
    editor.exercises.list.setCurrentRow(row)
    assert editor.form.title() == editor.document.exercise_name(exercise_id).get("en")


def tailor(editor: EditorWindow) -> None:
    """2 sets of molenwieken instead of 3, holds of 20 s instead of 30."""
    select(editor, "molenwieken")
    editor.form.sets.setValue(2)
    select(editor, "si-rekken")
    editor.form.seconds["hold_s"].setValue(20)


def plan_json(capsys: pytest.CaptureFixture[str], path: Path) -> dict:  # type: ignore[type-arg]
    assert main(["plan", str(path), "--json", "--lang", "en"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_therapist_tailors_si_gewricht_and_saves_the_patients_copy(
    editor: EditorWindow, si_gewricht: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = si_gewricht.read_bytes()
    assert editor.save_button.text() == "Save as copy…"
    assert editor.checks.notes() == []  # as bundled, the instructions agree with the doses
    tailor(editor)
    assert (
        editor.checks.lines() == []
    )  # it can be saved, but the leaflet's sentence is said to be out of step:
    assert editor.checks.notes() == [
        "SI stretch: the Dutch instructions say 30 seconds, the dose is 20\u00a0s now",
        "SI stretch: the English instructions say 30 seconds, the dose is 20\u00a0s now",
        "(tell the patient, or change the sentence in the file)",
    ]

    saved = editor.save(label="Jan")

    assert saved == user_programmes_dir(data_dir) / "si-gewricht-jan.yaml" and saved.is_file()
    assert si_gewricht.read_bytes() == bundled
    assert editor.path == saved and editor.save_button.text() == "Save"
    steps = plan_json(capsys, saved)["steps"]
    windmills = [s for s in steps if s["exercise"] == "molenwieken" and s["kind"] == "work"]
    assert [s["sets"] for s in windmills] == [2, 2]
    assert {s["duration_s"] for s in steps if s["kind"] == "hold"} == {20}
    # The copy is the patient's now: saving again writes it in place.
    select(editor, "roteren")
    editor.form.pacing.setCurrentIndex(editor.form.pacing.findData("self"))
    assert editor.save() == saved
    assert load_file(saved).exercise("roteren").pacing.value == "self"
    assert sorted(p.name for p in user_programmes_dir(data_dir).iterdir()) == ["si-gewricht-jan.yaml"]


def test_more_sessions_a_day_than_the_description_says_is_noted(editor: EditorWindow) -> None:
    """3-4 a day under "Doe de oefeningen 2 keer per dag": the handout printed both on one page."""
    editor.programme_form.per_day_high.setValue(4)
    editor.programme_form.per_day_low.setValue(3)
    assert editor.checks.lines() == []
    assert editor.checks.notes() == [
        "The Dutch description says 2 times a day, the programme 3–4 now",
        "The English description says 2 times a day, the programme 3–4 now",
        "(tell the patient, or change the sentence in the file)",
    ]
    editor.undo_stack.setClean()


def test_the_session_length_updates_as_the_sets_change(editor: EditorWindow, si_gewricht: Path) -> None:
    assert (
        editor.checks.length.text() == "Session length: 25\u00a0min 50\u00a0s (about 26\u00a0min a session)"
    )
    select(editor, "molenwieken")
    editor.form.sets.setValue(2)
    # a set of 90 s and a rest of 60 s less
    assert (
        editor.checks.length.text() == "Session length: 23\u00a0min 20\u00a0s (about 24\u00a0min a session)"
    )
    editor.form.sets.setValue(5)
    total_s = build_plan(editor.programme).total_s if editor.programme else 0
    assert (
        editor.checks.length.text()
        == f"Session length: {seconds_text(total_s)} (about {session_minutes(total_s)}\u00a0min a session)"
        == "Session length: 30\u00a0min 50\u00a0s (about 31\u00a0min a session)"
    )


def test_an_inherited_value_says_where_it_comes_from(editor: EditorWindow) -> None:
    select(editor, "molenwieken")
    assert editor.form.hints["sets"].text() == "programme default"
    editor.form.sets.setValue(2)
    assert editor.form.hints["sets"].text() == ""
    select(editor, "si-rekken")
    assert editor.form.sets.value() == 3  # the other exercises keep the shared 3 sets
    assert not editor.form.rows["tempo_s"].isVisibleTo(editor.form)  # a hold has no tempo


def test_undo_and_redo_restore_every_step(qtbot, editor: EditorWindow) -> None:  # type: ignore[no-untyped-def]
    original = editor.document.text()
    tailor(editor)
    tailored = editor.document.text()
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert editor.form.seconds["hold_s"].value() == 30
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert editor.document.text() == original and not editor.undo_button.isEnabled()
    select(editor, "molenwieken")
    assert editor.form.sets.value() == 3
    qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
    assert editor.document.text() == tailored


def test_typing_a_figure_is_one_step_and_ctrl_z_undoes_it(qtbot, editor: EditorWindow) -> None:  # type: ignore[no-untyped-def]
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)  # Ctrl+Z is the window's shortcut: it needs the active window
    select(editor, "si-rekken")
    hold = editor.form.seconds["hold_s"]
    hold.setFocus()
    hold.selectAll()
    qtbot.keyClicks(hold, "20")
    assert editor.document.value("si-rekken", "hold_s").value == 20
    assert editor.undo_stack.count() == 1  # "2", then "20": one step
    qtbot.keyClick(hold, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.document.value("si-rekken", "hold_s").value == 30 and hold.value() == 30
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(hold, Qt.Key.Key_Z, shift_ctrl)
    assert hold.value() == 20
    editor.undo_stack.setClean()  # nothing to ask when the test closes the window


def test_a_broken_value_shows_the_validate_line(
    qtbot,  # type: ignore[no-untyped-def]
    editor: EditorWindow,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    qtbot.keyClicks(editor.programme_form.reminders, "09:00, 25:00")
    shown = editor.checks.lines()
    assert [line.split(": ", 1)[1] for line in shown] == [
        "frequency.reminders[1]: '25:00' is not a time of day as HH:MM (09:00)"
    ]
    assert editor.checks.length.text() == "Session length: fix the problems below first"
    assert not editor.save_button.isEnabled()
    # said beside Save too: the list may be scrolled out of sight (1366×768 at 125 %)
    assert editor.not_saved.text() == "Cannot be saved: a problem, listed under Problems"

    on_disk = tmp_path / "broken.yaml"
    on_disk.write_text(editor.document.text(), encoding="utf-8")
    assert main(["validate", str(on_disk)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed == [line.replace(str(editor.path), str(on_disk)) for line in shown]

    editor.programme_form.reminders.clear()
    qtbot.keyClicks(editor.programme_form.reminders, "09:00, 19:00")
    assert editor.checks.lines() == [] and editor.save_button.isEnabled()
    assert editor.not_saved.text() == ""
    assert editor.programme is not None and editor.programme.frequency.reminders == ("09:00", "19:00")


def test_the_dutch_editor_says_the_problems_in_dutch_and_validate_in_english(
    qtbot,  # type: ignore[no-untyped-def]
    qapp,  # type: ignore[no-untyped-def]
    si_gewricht: Path,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The problems were in English in the Dutch editor. Now the words are Dutch; the place (file,
    line, column) and the field (the file's own English keys) stay as sitimer validate prints them."""
    with as_the_app_runs(qapp, "nl"):
        editor = EditorWindow(si_gewricht, data_dir, "nl")
        qtbot.addWidget(editor)
        qtbot.keyClicks(editor.programme_form.reminders, "09:00, 25:00")
        [shown] = editor.checks.lines()
        assert shown.endswith(": frequency.reminders[1]: '25:00' is geen tijdstip als UU:MM (09:00)")
        on_disk = tmp_path / "broken.yaml"
        on_disk.write_text(editor.document.text(), encoding="utf-8")
        assert main(["validate", str(on_disk)]) == 1
        [printed] = capsys.readouterr().out.splitlines()
        where = shown.split(": frequency", 1)[0].replace(str(editor.path), str(on_disk))
        assert printed == f"{where}: frequency.reminders[1]: '25:00' is not a time of day as HH:MM (09:00)"
        editor.undo_stack.setClean()


def test_a_reminder_time_half_typed_is_no_problem_yet(qtbot, editor: EditorWindow) -> None:  # type: ignore[no-untyped-def]
    """Each key of "19:00" was checked: "1" is no time, so while the therapist typed, every
    exercise's dose and figure went blank and a problem flashed up, five times over."""
    doses = [editor.exercises.list.item(row).text() for row in range(editor.exercises.list.count())]
    field = editor.programme_form.reminders
    field.setFocus()
    for key in "09:00, 19:0":
        qtbot.keyClicks(field, key)
        assert editor.checks.lines() == [] and editor.programme is not None, f"after {field.text()!r}"
    assert [editor.exercises.list.item(row).text() for row in range(editor.exercises.list.count())] == doses
    assert editor.programme.frequency.reminders == ("09:00",)  # the whole time, already in
    field.editingFinished.emit()  # Tab or a click elsewhere: what is there is checked
    assert [line.split(": ", 1)[1] for line in editor.checks.lines()] == [
        "frequency.reminders[1]: '19:0' is not a time of day as HH:MM (09:00)"
    ]
    qtbot.keyClicks(field, "0")
    assert editor.checks.lines() == [] and editor.programme.frequency.reminders == ("09:00", "19:00")
    editor.undo_stack.setClean()


def test_a_reminder_time_as_dutch_people_write_it_is_taken(qtbot, editor: EditorWindow) -> None:  # type: ignore[no-untyped-def]
    """ "8:00" was refused ("'8:00' is not a time of day as HH:MM"); the patient's reminder page took
    it, and 19.30 and 9u, all along."""
    field = editor.programme_form.reminders
    field.setFocus()
    qtbot.keyClicks(field, "8:00, 19.30")
    field.editingFinished.emit()
    assert editor.checks.lines() == []
    assert editor.programme is not None and editor.programme.frequency.reminders == ("08:00", "19:30")
    field.clear()
    qtbot.keyClicks(field, "9u")
    field.editingFinished.emit()
    assert editor.programme.frequency.reminders == ("09:00",)
    editor.undo_stack.setClean()


def test_a_wrong_reminder_time_leaves_the_exercises_in_view(qtbot, editor: EditorWindow) -> None:  # type: ignore[no-untyped-def]
    """A mistyped time of day blanked every exercise's dose, figure and instructions until it was put
    right, though nothing was wrong with them. They stay; the problem is listed and Save is off."""
    rows = editor.exercises.list
    doses = [rows.item(row).text() for row in range(rows.count())]
    summary, instructions = editor.form.summary.text(), editor.form.instructions.text()
    qtbot.keyClicks(editor.programme_form.reminders, "09:00, 25:00")
    assert editor.programme is None and not editor.save_button.isEnabled()
    assert [line.split(": ", 1)[1] for line in editor.checks.lines()] == [
        "frequency.reminders[1]: '25:00' is not a time of day as HH:MM (09:00)"
    ]
    assert [rows.item(row).text() for row in range(rows.count())] == doses
    assert (editor.form.summary.text(), editor.form.instructions.text()) == (summary, instructions)
    assert "25:00" in editor.document.text()  # shown from the last good times, not changed back
    editor.undo_stack.setClean()


def test_exercises_are_reordered_added_and_removed(
    qtbot,  # type: ignore[no-untyped-def]
    editor: EditorWindow,
) -> None:
    select(editor, "si-rekken")
    qtbot.mouseClick(editor.exercises.up_button, Qt.MouseButton.LeftButton)
    assert editor.document.exercise_ids() == ["si-rekken", "molenwieken", "roteren", "krachtoefening"]
    assert editor.exercises.current_id() == "si-rekken" and not editor.exercises.up_button.isEnabled()
    # each keeps the leaflet's number the patient sees (the list numbered by place: "1. SI-rekken")
    names = [editor.exercises.list.item(row).text().split("\n")[0] for row in range(2)]
    assert names == ["2 · SI stretch", "1 · Windmills"]
    # Dragging the last one to the top: the list's model moves the row, the editor follows.
    editor.exercises.list.model().moveRow(QModelIndex(), 3, QModelIndex(), 0)
    qtbot.waitUntil(lambda: editor.document.exercise_ids()[0] == "krachtoefening", timeout=1000)

    knees = next(e for e in catalogue(bundled_programmes()) if e.exercise.id == "knieen-opzij")
    select(editor, "roteren")
    editor.add_exercise(knees)
    ids = editor.document.exercise_ids()
    assert ids[ids.index("roteren") + 1] == "knieen-opzij" and editor.exercises.current_id() == "knieen-opzij"
    assert editor.form.reps.value() == 10 and editor.form.reps_per.currentData() is True
    qtbot.mouseClick(editor.exercises.remove_button, Qt.MouseButton.LeftButton)
    assert "knieen-opzij" not in editor.document.exercise_ids()
    editor.undo_stack.undo()
    assert "knieen-opzij" in editor.document.exercise_ids()


def test_phases_switch_on_and_the_session_grows(qtbot, si_blokkade: Path, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = EditorWindow(si_blokkade, data_dir, "en")
    qtbot.addWidget(window)
    assert list(window.programme_form.phase_boxes) == ["hele-periode", "opbouw"]
    building_up = window.programme_form.phase_boxes["opbouw"]
    assert not building_up.isChecked()
    assert window.exercises.list.item(4).text().endswith("\n     its phase is switched off")
    assert window.form.enabled.isChecked()  # the exercise's own switch is on: its phase is not
    before = window.checks.length.text()
    building_up.setChecked(True)
    assert window.programme is not None and len(window.programme.active_exercises()) == 11
    assert window.checks.length.text() != before
    assert not window.exercises.list.item(4).text().endswith("switched off")


def test_the_catalogue_shows_each_exercise_with_its_instructions(qtbot) -> None:  # type: ignore[no-untyped-def]
    entries = catalogue(bundled_programmes())
    dialog = CatalogueDialog(entries, "nl")
    qtbot.addWidget(dialog)
    names = [dialog.list.item(r).text().strip() for r in range(dialog.list.count())]
    assert "SI-gewricht: mobiliserende oefeningen" in names and "Molenwieken" in names
    assert len([r for r in range(dialog.list.count()) if dialog.list.item(r).flags()]) == len(entries) == 15
    assert dialog.chosen is not None and dialog.chosen.exercise.id == entries[0].exercise.id
    assert "Bewegen helpt bij het herstel" in dialog.details.text()


def test_export_writes_the_file_to_hand_over(editor: EditorWindow, tmp_path: Path, si_gewricht: Path) -> None:
    tailor(editor)
    out = tmp_path / "usb" / "for-jan.yaml"
    assert editor.export_to(out)
    assert load_file(out).exercise("si-rekken").hold_s == 20
    [told] = [box for box in editor.findChildren(QMessageBox) if box.isVisible()]
    assert told.text() == f"Saved: for-jan.yaml\nIn the folder {out.parent}"  # not just a dialog gone
    assert not editor.export_to(si_gewricht)  # never over a bundled programme (a message says so)


def test_the_picker_asks_to_edit_the_selected_programme(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    picker = ProgrammePicker(data_dir=data_dir, lang="en")
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.edit_requested) as asked:
        qtbot.mouseClick(picker.edit_button, Qt.MouseButton.LeftButton)
    assert asked.args == [picker.selected_path()]


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A warning (export over a bundled file) would wait for a click: answered at once."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)


def test_a_problem_of_an_exercise_leads_to_it(editor: EditorWindow) -> None:
    select(editor, "roteren")
    editor.form.sides.setCurrentIndex(editor.form.sides.findData("each"))
    editor.form.reps_per.setCurrentIndex(editor.form.reps_per.findData(False))  # 15 in all: odd
    assert [line.split(": ", 1)[1] for line in editor.checks.lines()] == [
        "exercises[2].reps: 15 reps cannot be split evenly over both sides; use reps_per_side"
    ]
    select(editor, "molenwieken")
    problem = editor.checks.problems.item(0)
    editor.checks.problems.itemClicked.emit(problem)
    assert editor.selected == "roteren" and editor.exercises.current_id() == "roteren"
    editor.form.reps.setValue(16)
    assert editor.checks.lines() == []


def test_sitimer_edit_of_a_broken_file_says_why_and_exits_1(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    assert run_editor(broken, data_dir, "en") == 1
    assert capsys.readouterr().err.startswith(f"{broken}:2:8: (yaml): ")


def test_the_picker_shows_the_saved_copy_at_once(qtbot, editor: EditorWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    picker = ProgrammePicker(data_dir=data_dir, lang="en")
    qtbot.addWidget(picker)
    editor.saved.connect(picker.refresh_file)
    tailor(editor)
    saved = editor.save(label="Jan")
    assert picker.selected_path() == saved
    entry = picker.selected_entry()
    assert entry is not None and entry.programme is not None
    assert entry.programme.title.get("en") == "SI joint: mobilising exercises (Jan)"
    select(editor, "roteren")
    editor.form.sets.setValue(1)
    editor.save()
    entry = picker.selected_entry()
    assert entry is not None and entry.programme is not None
    assert entry.programme.exercise("roteren").sets == 1  # read again, not the list's old copy


def test_the_time_a_day_follows_what_is_switched_on(qtbot, si_blokkade: Path, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Seed 002 at 3-5 sessions a day: the therapist sees what a subset costs the patient a day."""
    window = EditorWindow(si_blokkade, data_dir, "en")
    qtbot.addWidget(window)
    daily = window.checks.daily_total
    # 2-4; the walk apart
    assert daily.text() == "about 11\u00a0min a session × 3–5 a day = 33–55\u00a0min a day"
    walk = window.exercises.list.item(0).text()
    assert walk == "1 · Walk or cycle\n     daily, not in a session"
    window.programme_form.phase_boxes["opbouw"].setChecked(True)
    assert daily.text() == "about 30\u00a0min a session × 3–5 a day = 1.5–2.5 hours a day"  # all of 2-11
    for exercise_id in ("buikspieren-recht", "buikspieren-schuin", "hakkenloop"):
        select(window, exercise_id)
        window.form.enabled.setChecked(False)
    assert daily.text() == "about 23\u00a0min a session × 3–5 a day = 1.2–1.9 hours a day"  # 2-8: 69-115 min
    window.undo_stack.undo()
    # heel walking back
    assert daily.text() == "about 25\u00a0min a session × 3–5 a day = 1.3–2.1 hours a day"


def test_save_on_closing_says_why_a_programme_with_problems_is_not_saved(
    qtbot, editor: EditorWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    editor.show()
    qtbot.keyClicks(editor.programme_form.reminders, "25:00")
    assert editor.programme is None and not editor.undo_stack.isClean()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: told.append(text))
    editor.close()
    assert editor.isVisible()  # not closed: the problems can still be fixed, or the changes let go
    assert told == ["The programme has problems (listed under Problems): fix them, or close without saving."]


def test_the_count_takes_no_more_reps_than_the_format(editor: EditorWindow) -> None:
    select(editor, "molenwieken")  # 15 per side
    editor.form.reps.setValue(999)
    assert editor.form.reps.value() == 500  # the most per side
    assert editor.checks.lines() == []
    editor.form.reps_per.setCurrentIndex(1)  # in all
    editor.form.reps.setValue(999)
    assert editor.form.reps.value() == 999 and editor.checks.lines() == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_editor_on_a_small_screen_shows_every_column_and_keeps_save_in_sight(
    qtbot, qapp, si_blokkade, data_dir, lang, size
):
    """Seen at 1024×768: the three columns need 1110 (English) to 1220 (Dutch) pixels, so the
    window ran past the screen and Save as copy… with it; later the programme's column was cut
    off behind a sideways scroll bar. Now it goes under the exercises there."""
    with as_the_app_runs(qapp, lang):
        window = EditorWindow(si_blokkade, data_dir, lang)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        assert window.width() == size[0]
        for button in (window.save_button, window.undo_button):
            corner = button.mapTo(window, button.rect().bottomRight())
            assert corner.x() < size[0] and corner.y() < size[1], button.text()
        assert cut_buttons(window) == []
        scroll = window.findChild(QScrollArea)
        assert not scroll.horizontalScrollBar().isVisible()
        page = scroll.viewport().rect()
        for part in (window.exercises, window.form, window.programme_form, window.checks):
            place = part.geometry().translated(part.parentWidget().mapTo(scroll.viewport(), QPoint(0, 0)))
            assert page.left() <= place.left() and place.right() <= page.right(), type(part).__name__
        if size[0] >= 1280:  # the screen the editor is made for: three columns
            assert window.programme_form.x() > window.form.x()
            # "(niet in de sessie van vandaag)" ran past the list's edge in Dutch
            listed = window.exercises.list
            assert not listed.horizontalScrollBar().isVisible(), listed.horizontalScrollBar().maximum()


def test_at_1280_by_720_the_lists_buttons_stay_in_sight_beside_a_long_form(
    qtbot, qapp, si_blokkade, data_dir
):
    """Exercise 7's form (wrapped labels, its figure) was taller than the window: the whole page
    scrolled, and the list's ▲▼, Add and Remove were below the window's edge. The form scrolls."""
    with as_the_app_runs(qapp, "nl"):
        window = EditorWindow(si_blokkade, data_dir, "nl")
        qtbot.addWidget(window)
        window.resize(1280, 690)  # 1280×720 less a title bar
        window.show()
        qtbot.waitExposed(window)
        window.exercises.list.setCurrentRow(6)
        QApplication.sendPostedEvents()  # the form of exercise 7 laid out (its layout requests)
        QApplication.processEvents()
        save_top = window.save_button.mapTo(window, window.save_button.rect().topLeft()).y()
        for button in (
            window.exercises.up_button,
            window.exercises.add_button,
            window.exercises.remove_button,
        ):
            assert not button.visibleRegion().isEmpty(), button.text()
            assert button.mapTo(window, button.rect().bottomRight()).y() < save_top, button.text()
        window.undo_stack.setClean()


def test_on_a_narrow_screen_the_programme_goes_under_the_exercises_and_stays_there(
    qtbot, qapp, si_blokkade, data_dir
):
    """At 1024 pixels the Dutch form of an exercise of reps leaves no room for a third column: the
    programme's form and the checks go under the exercises. Its first exercise, a walk, has a
    narrower form; clicking from it to the others and back moves nothing once it has moved."""
    with as_the_app_runs(qapp, "nl"):
        window = EditorWindow(si_blokkade, data_dir, "nl")
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)

        def under() -> bool:
            exercises, programme = window.exercises.geometry(), window.programme_form.geometry()
            return programme.x() == exercises.x() and programme.top() > exercises.bottom()

        places = []
        for row in [*range(window.exercises.list.count()), 0]:
            window.exercises.list.setCurrentRow(row)
            places.append(under())
        assert places[-1] and len(set(places[1:])) == 1, places
        for part in (window.programme_form, window.checks):  # nothing left beside the form
            assert part.geometry().right() < window.form_area.geometry().left()
        window.resize(1280, 800)  # wider again: three columns
        qtbot.waitUntil(lambda: window.programme_form.x() > window.form.x())
        window.undo_stack.setClean()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_exercise_catalogue_shows_every_name_whole(qtbot, qapp, si_gewricht, data_dir, lang):
    """Seen in Dutch: the list was 246 pixels wide and cut "SI-blokkade: herstelbev…" and "Bekken
    kantelen (hol en" behind a sideways scroll bar."""
    from PySide6.QtCore import QRect

    with as_the_app_runs(qapp, lang):
        editor = EditorWindow(si_gewricht, data_dir, lang)  # its style sheet reaches the dialog
        qtbot.addWidget(editor)
        dialog = CatalogueDialog(catalogue(bundled_programmes()), lang, editor)
        dialog.show()
        qtbot.waitExposed(dialog)
        names = dialog.list
        assert not names.horizontalScrollBar().isVisible()
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(names.count()):
            item = names.item(row)
            shown = names.visualItemRect(item)
            metrics = QFontMetrics(item.font()) if item.font().bold() else names.fontMetrics()
            needs = metrics.boundingRect(QRect(0, 0, shown.width() - 16, 10_000), flags, item.text().strip())
            assert needs.width() <= shown.width() - 16 and needs.height() <= shown.height(), item.text()
        editor.undo_stack.setClean()


def test_a_walk_shows_what_a_daily_activity_has_and_none_for_no_set_time(
    qtbot, si_blokkade: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """The walk of seed 002 has no set time: its duration read "1 s, not given", which is no time at all."""
    window = EditorWindow(si_blokkade, data_dir, "en")
    qtbot.addWidget(window)
    window.exercises.list.setCurrentRow(0)
    duration = window.form.seconds["duration_s"]
    assert duration.text() == "none" and window.form.hints["duration_s"].text() == ""
    # Done once a day, apart from the sessions: no rests or getting ready around it to set.
    assert window.form.enabled.text() == "On the daily list"
    shown = [name for name, row in window.form.rows.items() if window.form.form.isRowVisible(row)]
    assert shown == ["sets", "duration_s", "estimate_s"]
    duration.setValue(1200)
    assert window.document.value("wandelen-fietsen", "duration_s").value == 1200
    duration.setValue(0)
    assert window.document.value("wandelen-fietsen", "duration_s").value is None
    assert duration.text() == "none" and window.checks.lines() == []
    select(window, "hakkenloop")  # timed, 10-12 s: a time it must have
    assert duration.minimum() == 1 and duration.value() == 12
    assert window.form.enabled.text() == "In the session"
    assert window.form.form.isRowVisible(window.form.rows["rest_s"])
    window.undo_stack.setClean()


@pytest.mark.parametrize("size", SIZES)
def test_the_name_of_a_new_copy_is_asked_in_a_dialog_that_fits_the_screen(
    qtbot, qapp, si_blokkade, data_dir, size
):  # type: ignore[no-untyped-def]
    """Seen in Dutch on xcb: the question in one line made the dialog 1030 pixels wide."""
    with as_the_app_runs(qapp, "nl"):
        window = EditorWindow(si_blokkade, data_dir, "nl")
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        dialog = window.label_dialog()
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= min(640, size[0]), dialog.width()
        assert dialog.textValue() == "eigen" and cut_buttons(dialog) == []
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        dialog.setTextValue("  ")  # an empty name saved nothing and said nothing
        assert not ok.isEnabled()
        dialog.setTextValue("jan")
        assert ok.isEnabled()
        dialog.reject()


def test_a_screen_reader_names_every_field_by_its_label(editor: EditorWindow) -> None:
    # Read over AT-SPI on Xvfb: sets, reps, the seconds and the sessions a day were each a "spin
    # button" with no name, and the sides and the pace a combo box known only by its choice.
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractSpinBox

    def name(widget) -> str:  # type: ignore[no-untyped-def]
        return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)

    def labelled_by(widget) -> list[str]:  # type: ignore[no-untyped-def]
        face = QAccessible.queryAccessibleInterface(widget)
        return [
            other.text(QAccessible.Text.Name) for other, _ in face.relations(QAccessible.RelationFlag.Label)
        ]

    assert [f for f in editor.findChildren(QAbstractSpinBox) if not name(f)] == []
    form, programme = editor.form, editor.programme_form
    assert (name(form.sets), name(form.reps), name(form.seconds["rest_s"])) == (
        "Sets",
        "Reps",
        "Rest between sets",
    )
    assert (name(programme.per_day_low), name(programme.per_day_high)) == (
        "Sessions a day, from",
        "Sessions a day, up to",
    )
    # on Linux a combo box is named by its choice; its label comes by the "labelled by" relation
    assert (labelled_by(form.sides), labelled_by(form.pacing)) == (["Sides"], ["Pace"])


def test_a_timed_exercise_s_duration_is_typed_as_a_figure_and_its_range_kept(
    qtbot, si_blokkade: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """Typing 12 for the heel walk (10-12 s) saved 1 s: the "1" on the way was the box's lowest,
    shown as "none", and the "2" was lost. Typing 20 saved 2-20 s: the "2" on the way became the
    range's lower end."""
    window = EditorWindow(si_blokkade, data_dir, "en")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keys go to the field
    select(window, "hakkenloop")
    duration = window.form.seconds["duration_s"]
    assert window.form.hints["duration_s"].text() == "from 10\u00a0s; the field is the longest"

    def typed(text: str) -> object:
        duration.setFocus()
        duration.selectAll()
        qtbot.keyClicks(duration, text)
        return window.document.value("hakkenloop", "duration_s").value

    assert typed("12") == {"min": 10, "max": 12} and duration.text() == "12 s"
    assert typed("20") == {"min": 10, "max": 20}
    qtbot.keyClick(duration, Qt.Key.Key_Tab)
    assert typed("8") == 8  # below the range: one figure
    assert typed("1") == 1 and duration.text() == "1 s"  # a timed exercise's 1 is a second, not "none"
    window.undo_stack.setClean()


def test_a_figure_a_field_does_not_take_is_said_beside_it(qtbot, editor: EditorWindow) -> None:  # type: ignore[no-untyped-def]
    """99999 sets became 99 and -5 s became 5 s without a word."""
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    select(editor, "si-rekken")
    sets = editor.form.sets
    sets.setFocus()
    sets.selectAll()
    qtbot.keyClicks(sets, "999")
    assert sets.value() == 99
    assert editor.form.hints["sets"].text() == "“999” not taken: from 1 to 100"
    rest = editor.form.seconds["rest_s"]
    rest.setFocus()
    rest.selectAll()
    qtbot.keyClicks(rest, "-5")
    assert editor.form.hints["rest_s"].text().startswith("“-” not taken: from 0 to ")
    hold = editor.form.seconds["hold_s"]
    hold.setFocus()
    hold.selectAll()
    qtbot.keyClicks(hold, "0")  # below its lowest (1): put back as the field is left
    qtbot.keyClick(hold, Qt.Key.Key_Tab)
    assert hold.value() == 30 and editor.form.hints["hold_s"].text().startswith("“0” not taken: from 1 to ")
