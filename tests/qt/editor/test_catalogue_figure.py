"""The editor shows an exercise's figure doing it beside its instructions: in the catalogue and the form."""

from __future__ import annotations

from dataclasses import replace

import sitimer.qt.picker.preview as preview_module
from sitimer.core.paths import bundled_programmes
from sitimer.core.programme.editing import ProgrammeDocument
from sitimer.core.programme.exercise_catalogue import CatalogueEntry, catalogue
from sitimer.core.programme.model import Side
from sitimer.qt.editor.catalogue import ENTRY_ROLE, CatalogueDialog
from sitimer.qt.editor.form import ExerciseForm
from tests.qt.picker.figures import FIGURES, si_with_figures


def choose(dialog: CatalogueDialog, exercise_id: str) -> None:
    for row in range(dialog.list.count()):
        index = dialog.list.item(row).data(ENTRY_ROLE)
        if isinstance(index, int) and dialog.entries[index].exercise.id == exercise_id:
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(exercise_id)


def with_figures(entries: list[CatalogueEntry]) -> list[CatalogueEntry]:
    return [replace(e, exercise=replace(e.exercise, figure=FIGURES.get(e.exercise.id))) for e in entries]


def test_the_chosen_exercise_is_shown_moving_beside_its_text(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    now = [0.0]
    monkeypatch.setattr(preview_module, "_clock", lambda: lambda: now[0])
    dialog = CatalogueDialog(with_figures(catalogue(bundled_programmes())), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    choose(dialog, "si-rekken")
    assert "SI stretch" in dialog.details.text()
    assert dialog.preview.isVisible() and dialog.preview.timer.isActive()
    view = dialog.preview.visual.figure_view
    assert view.figure == FIGURES["si-rekken"] and view.frame is not None
    lying = dialog.preview.visual.grab().toImage()
    now[0] += 2.0  # the knee is across by now
    dialog.preview.tick()
    assert view.frame.pose != FIGURES["si-rekken"].start
    assert dialog.preview.visual.grab().toImage() != lying
    choose(dialog, "knie-naar-borst")  # no figure here: no picture, the text alone
    assert not dialog.preview.isVisible() and not dialog.preview.timer.isActive()
    dialog.reject()
    assert not dialog.preview.timer.isActive()


def test_the_exercise_being_tailored_is_shown_at_its_edited_tempo(qtbot, monkeypatch, si_gewricht) -> None:  # type: ignore[no-untyped-def]
    now = [0.0]
    monkeypatch.setattr(preview_module, "_clock", lambda: lambda: now[0])
    form = ExerciseForm("en")
    qtbot.addWidget(form)
    form.show()
    document = ProgrammeDocument.from_file(si_gewricht)
    windmills = si_with_figures(si_gewricht).exercise("molenwieken")
    form.show_exercise(document, "molenwieken", windmills)
    assert form.preview.isVisible() and form.preview.timer.isActive()
    now[0] += 2.9  # nearly a rep at the leaflet's 3 s: bent down
    form.preview.tick()
    frame = form.preview.visual.figure_view.frame
    assert frame is not None and frame.working is Side.RIGHT
    form.show_exercise(document, "molenwieken", replace(windmills, tempo_s=6.0))  # the therapist slows it
    now[0] += 2.9  # not half-way down yet
    form.preview.tick()
    slower = form.preview.visual.figure_view.frame
    assert slower is not None and slower.pose != frame.pose
    form.show_exercise(document, None, None)
    assert not form.preview.isVisible() and not form.preview.timer.isActive()
