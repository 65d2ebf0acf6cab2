"""The fields that keep a programme true to its leaflet: the card's own number, what a side
means, the check-ins on the way and the review week; loaded from the bundled files with the
leaflets' own figures, and every mistake in them located like any other problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitimer.core.programme.editing import ProgrammeDocument
from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.model import CheckIn, Side, Text
from sitimer.core.programme.reader import Problem, ProgrammeError
from tests.core.programme.test_loader import at, replace


def problems(text: str) -> list[Problem]:
    with pytest.raises(ProgrammeError) as caught:
        load_text(text, "my.yaml")
    return caught.value.problems


def test_seed_002_swaps_5_and_6_between_table_and_descriptions_and_the_card_label_says_so(
    si_blokkade: Path,
) -> None:
    programme = load_file(si_blokkade)
    labelled = {e.number: e.card for e in programme.exercises if e.card}
    # table 5 "10x hol en bol" is the description "Oef. 6"; table 6 "beide benen 10x" is "Afb. 5"
    assert labelled == {"5": "oef. 6", "6": "afb. 5"}
    assert programme.exercise("hol-en-bol").card == "oef. 6"
    assert programme.exercise("knie-naar-andere-schouder").card == "afb. 5"
    assert all(e.card is None for e in programme.exercises if e.number not in ("5", "6"))


def test_the_side_means_what_the_leaflet_says_where_it_is_not_the_body_side(
    si_gewricht: Path, si_blokkade: Path
) -> None:
    windmills = load_file(si_gewricht).exercise("molenwieken")
    # seed 000: "raak met de rechter hand linker voet aan", then the left hand to the right foot
    assert windmills.side_means(Side.RIGHT) == Text(
        nl="rechterhand naar linkervoet", en="right hand to left foot"
    )
    assert windmills.side_means(Side.LEFT) == Text(
        nl="linkerhand naar rechtervoet", en="left hand to right foot"
    )
    arm_leg = load_file(si_blokkade).exercise("arm-en-been-heffen")
    # seed 002, oef. 8: "linkerarm en rechterbeen tegelijkertijd op", first
    assert arm_leg.first_side is Side.LEFT
    assert arm_leg.side_means(Side.LEFT) == Text(nl="linkerarm met rechterbeen", en="left arm with right leg")
    assert arm_leg.side_means(Side.RIGHT) == Text(
        nl="rechterarm met linkerbeen", en="right arm with left leg"
    )
    # a leg that simply slides on its own side needs no words
    assert load_file(si_blokkade).exercise("been-lang-maken").side_means(Side.RIGHT) is None


def test_every_side_meaning_is_short_enough_to_say_after_the_side(
    si_gewricht: Path, si_blokkade: Path
) -> None:
    for path in (si_gewricht, si_blokkade):
        for exercise in load_file(path).exercises:
            for _, text in exercise.side_meaning:
                assert text.nl and text.en
                assert len(text.nl.split()) <= 4 and len(text.en.split()) <= 6, text


def test_seed_000s_four_weeks_are_a_review_point_with_a_check_in_at_week_2(si_gewricht: Path) -> None:
    frequency = load_file(si_gewricht).frequency
    assert frequency.weeks == 4
    assert [(c.week, c.review) for c in frequency.check_ins] == [(2, False), (4, True)]
    week_2, week_4 = frequency.check_ins
    # "daarna kan het loopprogramma weer langzaam worden opgebouwd op geleide van de klachten"
    assert "hardlopen" in (week_2.note.nl or "") and "rustig" in (week_2.note.nl or "")
    # "na 4 weken ... indien dit niet het geval is: contacteer de sportarts"; and keep exercising
    assert "sportarts" in (week_4.note.nl or "") and "blijf de oefeningen" in (week_4.note.nl or "")
    assert "sports physician" in (week_4.note.en or "") and "keep doing the exercises" in (
        week_4.note.en or ""
    )


def test_seed_002_runs_until_recovery_with_no_review_week_and_no_check_ins(si_blokkade: Path) -> None:
    frequency = load_file(si_blokkade).frequency
    assert (frequency.weeks, frequency.check_ins) == (None, ())


CHECK_INS = """\
  sessions_per_day: 2
  check_ins:
    - {week: 4, review: true, note: Review}
    - {week: 2, note: Run}
"""


def test_check_ins_load_in_week_order() -> None:
    programme = load_text(replace("  sessions_per_day: 2\n", CHECK_INS))
    assert programme.frequency.check_ins == (
        CheckIn(2, Text("Run", "Run")),
        CheckIn(4, Text("Review", "Review"), review=True),
    )


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ("week: 2,", "week: 0,", "frequency.check_ins[1].week", "must be more than 0, found 0"),
        ("week: 2,", "week: -1,", "frequency.check_ins[1].week", "must be more than 0, found -1"),
        ("note: Run", 'note: ""', "frequency.check_ins[1].note", "must not be empty"),
        ("note: Run", "note: {nl: ' '}", "frequency.check_ins[1].note.nl", "must not be empty"),
        ("week: 2, note: Run", "note: Run", "frequency.check_ins[1].week", "required field missing"),
        ("week: 2,", "week: 4,", "frequency.check_ins[1].week", "week 4 is given twice"),
        ("week: 2,", "weeks: 2,", "frequency.check_ins[1].weeks", "unknown field (did you mean 'week'?)"),
    ],
)
def test_a_wrong_check_in_is_located_at_its_field(old: str, new: str, path: str, message: str) -> None:
    text = replace(old, new, replace("  sessions_per_day: 2\n", CHECK_INS))
    found = [p for p in problems(text) if p.path == path]
    assert [p.message for p in found] == [message], [str(p) for p in problems(text)]
    assert found[0].line == at(text, "week: 2" if "week: 2" in text else "Run")[0]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("week: 2, note", "week: 2, review: true, note", "one check-in is the review, not weeks 2 and 4"),
        (
            "sessions_per_day: 2\n",
            "sessions_per_day: 2\n  weeks: 6\n",
            "the review is week 6 (weeks), not week 4",
        ),
    ],
)
def test_the_review_is_one_check_in_and_the_week_of_weeks(old: str, new: str, message: str) -> None:
    text = replace(old, new, replace("  sessions_per_day: 2\n", CHECK_INS))
    found = [p for p in problems(text) if p.path == "frequency.check_ins"]
    assert [(p.line, p.message) for p in found] == [(at(text, "- {week: 4")[0], message)]


def test_a_review_in_the_week_of_weeks_loads() -> None:
    text = replace(
        "  sessions_per_day: 2\n",
        CHECK_INS.replace("sessions_per_day: 2\n", "sessions_per_day: 2\n  weeks: 4\n"),
    )
    assert load_text(text).frequency.weeks == 4


MEANING = """\
    sides: alternate
    side_meaning:
      right: {nl: rechterhand naar linkervoet, en: right hand to left foot}
"""


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ("right: {", "rigth: {", "exercises[0].side_meaning.rigth", "unknown field (did you mean 'right'?)"),
        ("right: {", "rechts: {", "exercises[0].side_meaning.rechts", "unknown field"),
        (
            "nl: rechterhand naar linkervoet",
            'nl: ""',
            "exercises[0].side_meaning.right.nl",
            "must not be empty",
        ),
        (
            "right: {nl: rechterhand naar linkervoet, en: right hand to left foot}",
            "right: {}",
            "exercises[0].side_meaning.right",
            "give the text in nl, en or both",
        ),
    ],
)
def test_a_wrong_side_meaning_is_located_at_its_field(old: str, new: str, path: str, message: str) -> None:
    text = replace(old, new, replace("    sides: alternate\n", MEANING))
    found = [p for p in problems(text) if p.path == path]
    assert [p.message for p in found] == [message], [str(p) for p in problems(text)]
    assert found[0].line == at(text, "side_meaning:")[0] + 1


def test_an_empty_side_meaning_says_what_it_needs() -> None:
    text = replace("    sides: alternate\n", "    sides: alternate\n    side_meaning: {}\n")
    found = [p for p in problems(text) if p.path == "exercises[0].side_meaning"]
    assert [p.message for p in found] == ["say what right, left or both mean"]


def test_a_side_meaning_on_an_exercise_without_sides_is_an_error() -> None:
    text = replace("    sides: each\n", "    side_meaning: {right: rechterknie naar links}\n")
    found = [p for p in problems(text) if p.path == "exercises[1].side_meaning"]
    assert [p.message for p in found] == ["needs sides: alternate or each"]
    assert (found[0].line, found[0].column) == at(text, "{right")


@pytest.mark.parametrize("card", ['""', "' '", "~"])
def test_an_empty_card_label_is_an_error(card: str) -> None:
    text = replace("    name: Molenwieken\n", f"    name: Molenwieken\n    card: {card}\n")
    found = [p for p in problems(text) if p.path == "exercises[0].card"]
    line, column = at(text, f"card: {card}")
    assert [(p.line, p.column) for p in found] == [(line, column + len("card: "))]


def test_the_editor_keeps_card_side_meaning_and_check_ins_through_an_edit(
    si_gewricht: Path, si_blokkade: Path
) -> None:
    for path, changed in ((si_gewricht, "molenwieken"), (si_blokkade, "hol-en-bol")):
        before = load_file(path)
        document = ProgrammeDocument.from_file(path)
        document.set_exercise_field(changed, "sets", 2)
        document.move_exercise(changed, 1)
        after = load_text(document.text())
        assert after.exercise(changed).sets == 2
        assert after.frequency.check_ins == before.frequency.check_ins
        for exercise in before.exercises:
            kept = after.exercise(exercise.id)
            assert (kept.card, kept.side_meaning) == (exercise.card, exercise.side_meaning)
