"""Tailoring a programme: typed changes to the YAML that keep every comment, checked by the real loader.

The figures are the bundled programmes': SI-gewricht has 3 sets of molenwieken (15 per side,
3 s a rep) and holds of 30 s for si-rekken; SI-blokkade takes its reps from named doses and
keeps exercises 5-11 in a phase that is switched off.
"""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from sitimer.cli import main
from sitimer.core.paths import bundled_programmes
from sitimer.core.programme.editing import ProgrammeDocument, Source, Value
from sitimer.core.programme.exercise_catalogue import catalogue
from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.model import Programme, Sides
from sitimer.core.programme.plan import build_plan
from sitimer.core.programme.reader import Problem, ProgrammeError
from sitimer.core.programme.writing import BundledProgrammeError


def comments(text: str) -> list[str]:
    """Every comment in the file, in order (the bundled files have no '#' inside a value)."""
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def loaded(document: ProgrammeDocument) -> Programme:
    result = document.check()
    assert isinstance(result, Programme), "\n".join(str(p) for p in result)
    return result


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def tailored(si_gewricht: Path) -> ProgrammeDocument:
    """The therapist's change for one patient: 2 sets of molenwieken, holds of 20 s."""
    document = ProgrammeDocument.from_file(si_gewricht)
    document.set_exercise_field("molenwieken", "sets", 2)
    document.set_exercise_field("si-rekken", "hold_s", 20)
    return document


def test_an_untouched_programme_is_saved_byte_for_byte(si_gewricht: Path, si_blokkade: Path) -> None:
    for path in (si_gewricht, si_blokkade):
        assert ProgrammeDocument.from_file(path).text() == path.read_text(encoding="utf-8")


def test_tailoring_keeps_every_comment_and_changes_only_the_two_lines(
    si_gewricht: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = si_gewricht.read_text(encoding="utf-8")
    text = tailored(si_gewricht).text()

    assert comments(text) == comments(original)
    changed = [
        line
        for line in difflib.unified_diff(original.splitlines(), text.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "+    sets: 2",  # molenwieken took its 3 sets from `defaults`: now its own, the others keep 3
        '-    hold_s: 30 # "hou de positie 30 seconden vast"',
        '+    hold_s: 20 # "hou de positie 30 seconden vast"',
    ]

    saved = tmp_path / "si-gewricht-jan.yaml"
    saved.write_text(text, encoding="utf-8")
    code, out = cli(capsys, "validate", str(saved))
    assert code == 0, out
    code, out = cli(capsys, "plan", str(saved), "--json", "--lang", "en")
    steps = json.loads(out)["steps"]
    windmills = [s for s in steps if s["exercise"] == "molenwieken" and s["kind"] == "work"]
    assert [(s["set"], s["sets"], s["reps"]) for s in windmills] == [(1, 2, 30), (2, 2, 30)]
    holds = [s for s in steps if s["kind"] == "hold"]
    assert len(holds) == 6 and {s["duration_s"] for s in holds} == {20}
    rotation = [s for s in steps if s["exercise"] == "roteren" and s["kind"] == "work"]
    assert len(rotation) == 3  # the shared `defaults: sets: 3` is not changed for everyone


def test_the_session_length_follows_the_change(si_gewricht: Path) -> None:
    before = build_plan(load_file(si_gewricht)).total_s
    after = build_plan(loaded(tailored(si_gewricht))).total_s
    # One set of molenwieken (30 reps × 3 s) and its 60 s rest less; six holds 10 s shorter.
    assert before - after == 90 + 60 + 6 * 10


def test_a_value_says_where_it_comes_from(si_blokkade: Path) -> None:
    document = ProgrammeDocument.from_file(si_blokkade)
    assert document.value("knieen-opzij", "sets") == Value(3, Source.DEFAULTS)
    assert document.value("knieen-opzij", "first_side") == Value("left", Source.EXERCISE)
    assert document.value("knieen-opzij", "pacing") == Value("paced", Source.BUILTIN)
    assert document.reps("knieen-opzij") == (10, True)  # from the dose "beide-zijden"
    assert document.value("knieen-opzij", "reps_per_side").source is Source.DOSE
    assert document.reps("hol-en-bol") == (10, False)


def test_a_field_from_a_dose_is_overridden_on_the_exercise_only(si_blokkade: Path) -> None:
    original = si_blokkade.read_text(encoding="utf-8")
    document = ProgrammeDocument.from_file(si_blokkade)
    document.set_reps("knieen-opzij", 12, per_side=True)
    document.set_exercise_field("knieen-opzij", "pacing", "self")
    programme = loaded(document)

    knees, legs = programme.exercise("knieen-opzij"), programme.exercise("been-lang-maken")
    assert (knees.reps, knees.pacing.value) == (24, "self")
    assert legs.reps == 20  # the same dose, unchanged for the other exercises
    text = document.text()
    assert text.count("reps_per_side: 10") == original.count("reps_per_side: 10")
    assert comments(text) == comments(original)
    # The other way of writing the figure replaces the exercise's own, never both at once.
    document.set_reps("knieen-opzij", 30, per_side=False)
    assert loaded(document).exercise("knieen-opzij").reps == 30
    assert "reps_per_side: 12" not in document.text()


def test_phases_frequency_and_reminders(si_blokkade: Path) -> None:
    document = ProgrammeDocument.from_file(si_blokkade)
    assert len(loaded(document).active_exercises()) == 4
    document.set_phase_enabled("opbouw", True)
    document.set_frequency((2, 2), 6)
    document.set_reminders(["09:00", "13:00", "19:00"])
    programme = loaded(document)

    assert len(programme.active_exercises()) == 11
    assert programme.frequency.sessions_per_day.min == programme.frequency.sessions_per_day.max == 2
    assert programme.frequency.weeks == 6
    assert programme.frequency.reminders == ("09:00", "13:00", "19:00")
    assert '  reminders: ["09:00", "13:00", "19:00"]\n' in document.text()
    assert document.frequency() == ((2, 2), 6.0, ["09:00", "13:00", "19:00"])

    document.set_frequency((3, 5), None)
    document.set_reminders([])
    assert document.text().count("sessions_per_day: { min: 3, max: 5 }") == 1  # as it was written
    assert "reminders" not in document.text() and loaded(document).frequency.weeks is None


def test_exercises_are_removed_moved_and_spaced_as_before(si_gewricht: Path) -> None:
    document = ProgrammeDocument.from_file(si_gewricht)
    document.remove_exercise("krachtoefening")
    document.move_exercise("molenwieken", 2)
    assert [e.id for e in loaded(document).exercises] == ["si-rekken", "roteren", "molenwieken"]
    text = document.text()
    assert "\n\n\n" not in text and text.endswith("zwaaien telt niet.\n      en: >-\n" + _en_windmills())
    assert text.count("\n\n  - id: ") == 2  # one blank line between exercises, as the file had
    assert '  - id: molenwieken\n    number: "1"\n    name: { nl: Molenwieken, en: Windmills }' in text


def _en_windmills() -> str:
    return (
        "        Put your feet about a metre apart and keep your legs straight\n"
        "        throughout. Bend down and bring your right hand to your left foot; if\n"
        "        you can't reach it, go as far as you can. Then straighten up fully,\n"
        "        and bend down again, now with your left hand to your right foot. Come\n"
        "        all the way up each time: staying bent over and just swinging an arm\n"
        "        doesn't count.\n"
    )


def test_a_snapshot_brings_every_change_back(si_gewricht: Path) -> None:
    document = ProgrammeDocument.from_file(si_gewricht)
    original, state = document.text(), document.snapshot()
    document.set_exercise_field("molenwieken", "sets", 2)
    after_one = document.snapshot()
    document.remove_exercise("roteren")
    document.set_reminders(["08:30"])
    document.restore(after_one)
    assert [e.sets for e in loaded(document).exercises] == [2, 3, 3, 3]
    document.restore(state)
    assert document.text() == original
    # Moving there and back, too, gives the file as it was.
    document.move_exercise("krachtoefening", 0)
    document.move_exercise("krachtoefening", 3)
    assert document.text() == original


def test_the_catalogue_has_every_bundled_exercise_with_its_dose(si_gewricht: Path) -> None:
    entries = catalogue(bundled_programmes())
    bundled = [(p.id, e.id) for p in map(load_file, bundled_programmes()) for e in p.exercises]
    assert [(e.programme_id, e.exercise.id) for e in entries] == bundled
    assert all(e.exercise.instructions.get("nl") and e.exercise.instructions.get("en") for e in entries)

    knees = next(e for e in entries if e.exercise.id == "knieen-opzij")
    document = ProgrammeDocument.from_file(si_gewricht)
    assert document.add_exercise(knees.fields, 1) == "knieen-opzij"
    added = loaded(document).exercise("knieen-opzij")
    # As prescribed in SI-blokkade (its dose and defaults), not with SI-gewricht's defaults.
    assert (added.sets, added.reps, added.sides, added.rest_s, added.first_side.value) == (
        3,
        20,
        Sides.ALTERNATE,
        15.0,
        "left",
    )
    assert added.phase is None and added.number is None
    assert [e.id for e in loaded(document).exercises][:2] == ["molenwieken", "knieen-opzij"]
    pelvis = next(e for e in entries if e.exercise.id == "hol-en-bol")  # "oef. 6" on seed 002's card
    assert pelvis.exercise.card == "oef. 6"
    document.add_exercise(pelvis.fields)
    assert loaded(document).exercise("hol-en-bol").card is None
    assert document.add_exercise(knees.fields) == "knieen-opzij-2"  # an id is never used twice


def test_a_bundled_programme_cannot_be_overwritten(si_gewricht: Path, tmp_path: Path) -> None:
    bundled = tmp_path / "programmes"
    shutil.copytree(si_gewricht.parent, bundled)
    before = (bundled / "si-gewricht.yaml").read_bytes()
    document = tailored(bundled / "si-gewricht.yaml")
    for target in (bundled / "si-gewricht.yaml", tmp_path / "elsewhere" / ".." / "programmes" / "x.yaml"):
        with pytest.raises(BundledProgrammeError):
            document.save(target, bundled)
        with pytest.raises(BundledProgrammeError):
            document.export(target, bundled)
    (tmp_path / "link").symlink_to(bundled)
    with pytest.raises(BundledProgrammeError):
        document.save(tmp_path / "link" / "si-gewricht.yaml", bundled)
    assert (bundled / "si-gewricht.yaml").read_bytes() == before
    assert sorted(p.name for p in bundled.iterdir()) == sorted(p.name for p in si_gewricht.parent.iterdir())


def test_the_patients_copy_gets_its_own_id_title_and_file(si_gewricht: Path, tmp_path: Path) -> None:
    own = tmp_path / "data" / "programmes"
    first = tailored(si_gewricht).save_copy(own, "Jan de Vriës", si_gewricht.parent)
    second = tailored(si_gewricht).save_copy(own, "Jan de Vriës", si_gewricht.parent)
    assert (first.name, second.name) == ("si-gewricht-jan-de-vries.yaml", "si-gewricht-jan-de-vries-2.yaml")
    programme = load_file(first)
    assert programme.id == "si-gewricht-jan-de-vries"
    assert programme.title.get("en") == "SI joint: mobilising exercises (Jan de Vriës)"
    assert load_file(second).id == "si-gewricht-jan-de-vries-2"


def test_a_copy_never_takes_the_name_of_a_yml_file_in_the_folder(si_gewricht: Path, tmp_path: Path) -> None:
    own = tmp_path / "data" / "programmes"
    first = tailored(si_gewricht).save_copy(own, "Jan", si_gewricht.parent)
    yml = first.rename(first.with_suffix(".yml"))  # the same copy, as a therapist renamed it
    second = tailored(si_gewricht).save_copy(own, "Jan", si_gewricht.parent)
    assert second.name == "si-gewricht-jan-2.yaml"
    assert load_file(second).id != load_file(yml).id


def test_a_broken_value_shows_exactly_what_validate_prints(
    si_gewricht: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "mine.yaml"
    document = ProgrammeDocument.from_file(si_gewricht)
    document.set_exercise_field("molenwieken", "sets", 0)
    problems = document.check(str(saved))
    line = document.text().splitlines().index("    sets: 0") + 1  # where the edit wrote it, in molenwieken
    assert problems == [Problem(str(saved), line, 11, "exercises[0].sets", "must be at least 1, found 0")]

    saved.write_text(document.text(), encoding="utf-8")
    code, out = cli(capsys, "validate", str(saved))
    assert code == 1
    assert out.splitlines() == [str(p) for p in problems]


def test_odd_reps_on_each_side_show_the_loaders_message(si_gewricht: Path) -> None:
    document = ProgrammeDocument.from_file(si_gewricht)
    document.set_exercise_field("roteren", "sides", "each")
    document.set_reps("roteren", 15, per_side=False)
    result = document.check("mine.yaml")
    assert isinstance(result, list)
    messages = [f"{p.path}: {p.message}" for p in result]
    assert messages == [
        "exercises[2].reps: 15 reps cannot be split evenly over both sides; use reps_per_side"
    ]
    with pytest.raises(ProgrammeError) as caught:
        load_text(document.text(), "mine.yaml")
    assert str(caught.value) == str(result[0])


def test_a_file_that_is_not_yaml_says_why_as_the_loader_does(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProgrammeError) as caught:
        ProgrammeDocument.from_file(broken)
    assert [str(p) for p in caught.value.problems] == [
        f"{broken}:2:8: (yaml): the list opened here with [ is not closed: end it with ]"
    ]


def test_ids_that_yaml_could_read_as_numbers_are_found_as_written(tmp_path: Path) -> None:
    """`id: 012` and `id: 1e3` are text to the loader; the editor finds and changes them by that text."""
    path = tmp_path / "mine.yaml"
    text = (
        "id: mine\ntitle: Mine\nfrequency: {sessions_per_day: 1}\nexercises:\n"
        "  - {id: 012, name: A, instructions: Do it., kind: hold, hold_s: 30}\n"
        "  - {id: 1e3, name: B, instructions: Do it., kind: hold, hold_s: 30}\n"
    )
    path.write_text(text, encoding="utf-8")
    document = ProgrammeDocument.from_file(path)
    assert document.exercise_ids() == [e.id for e in load_file(path).exercises] == ["012", "1e3"]
    document.set_exercise_field("1e3", "hold_s", 20)
    assert [e.hold_s for e in loaded(document).exercises] == [30, 20]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "'.nan' is not a finite number; write a figure such as 30"),
        ("1.0e+308", "must be at most 14400, found 1.0e+308"),
        ("12:30", "YAML 1.1 reads 12:30 as 750 (base 60); write the figure you mean, e.g. 750"),
    ],
)
def test_a_file_validate_refuses_is_not_opened_for_editing(tmp_path: Path, value: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(load_text_source().replace("hold_s: 30", f"hold_s: {value}", 1), encoding="utf-8")
    with pytest.raises(ProgrammeError) as caught:
        ProgrammeDocument.from_file(path)
    with pytest.raises(ProgrammeError) as validated:
        load_file(path)
    assert [p.message for p in caught.value.problems] == [message]
    assert caught.value.problems == validated.value.problems


def load_text_source() -> str:
    return "id: mine\ntitle: Mine\nfrequency: {sessions_per_day: 1}\nexercises:\n" + (
        "  - id: a\n    name: A\n    instructions: Do it.\n    kind: hold\n    hold_s: 30\n"
    )
