"""Every bundled exercise's dose in the words of its own leaflet, Dutch and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitimer.core.programme.dose_words import leaflet_dose
from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.model import Text

# seed 000: "Doe dit voor elke zijde 15x (dus 30 totaal). Herhaal deze oefening 3 keer";
# SI-rekken "Hou de positie 30 seconden vast en doe dit 3x beiderzijds".
SEED_000 = {
    "molenwieken": ("15× per kant, 3 keer", "15 per side, 3 times"),
    "si-rekken": ("30 sec vasthouden, 3× beiderzijds", "hold 30 s, 3 times each side"),
    "roteren": ("15× per kant, 3 keer", "15 per side, 3 times"),
    "krachtoefening": ("15× per kant, 3 keer", "15 per side, 3 times"),
}

# seed 002's schedule, every row "doe dit 3 keer" but 1 ("n.v.t."): "beide zijden 10x" (2 t/m 4),
# "10x hol en bol" (5), "beide benen 10x" (6), "beide zijden om en om; totaal 10x" (7 + 8),
# "10x" (9 + 10; 10 alternates right and left), "duur: 10-12 sec." (11).
SEED_002 = {
    "wandelen-fietsen": ("n.v.t.", "no count"),
    "knieen-opzij": ("10× per kant, 3 keer", "10 per side, 3 times"),
    "been-lang-maken": ("10× per kant, 3 keer", "10 per side, 3 times"),
    "knie-naar-borst": ("10× per kant, 3 keer", "10 per side, 3 times"),
    "hol-en-bol": ("10×, 3 keer", "10 reps, 3 times"),
    "knie-naar-andere-schouder": ("10× per kant, 3 keer", "10 per side, 3 times"),
    "knieen-naar-schouder": ("totaal 10× om en om, 3 keer", "10 in all, alternating, 3 times"),
    "arm-en-been-heffen": ("totaal 10× om en om, 3 keer", "10 in all, alternating, 3 times"),
    "buikspieren-recht": ("10×, 3 keer", "10 reps, 3 times"),
    "buikspieren-schuin": ("totaal 10× om en om, 3 keer", "10 in all, alternating, 3 times"),
    "hakkenloop": ("10–12 sec, 3 keer", "10–12 s, 3 times"),
}


@pytest.mark.parametrize(("fixture", "expected"), [("si_gewricht", SEED_000), ("si_blokkade", SEED_002)])
def test_every_bundled_exercise_reads_as_its_leaflet_gives_the_dose(
    request: pytest.FixtureRequest, fixture: str, expected: dict[str, tuple[str, str]]
) -> None:
    programme = load_file(request.getfixturevalue(fixture))
    said = {e.id: leaflet_dose(e) for e in programme.exercises}
    assert said == {key: Text(nl=nl, en=en) for key, (nl, en) in expected.items()}


def test_per_side_and_in_all_are_not_confused(si_gewricht: Path, si_blokkade: Path) -> None:
    """30 alternating reps written per side are "15 per side"; 10 written in all stay "10 in all"."""
    windmills = load_file(si_gewricht).exercise("molenwieken")
    assert (windmills.reps, windmills.counted_per_side) == (30, True)
    arm_leg = load_file(si_blokkade).exercise("arm-en-been-heffen")
    assert (arm_leg.reps, arm_leg.counted_per_side) == (10, False)
    assert "3 × 30" not in (leaflet_dose(windmills).nl or "")


ONE = """
id: t
title: T
frequency: {sessions_per_day: 1}
exercises:
  - id: x
    name: X
    instructions: I.
"""


@pytest.mark.parametrize(
    ("dose", "nl", "en"),
    [
        ("kind: hold\n    hold_s: 45", "45 sec vasthouden", "hold 45 s"),
        ("kind: hold\n    hold_s: 150\n    sets: 2", "2,5 min vasthouden, 2 keer", "hold 2.5 min, 2 times"),
        (
            "kind: hold\n    hold_s: 20\n    sides: each",
            "20 sec vasthouden, beiderzijds",
            "hold 20 s, each side",
        ),
        (
            "kind: reps\n    reps: 8\n    sides: each\n    sets: 2",
            "4× per kant, 2 keer",
            "4 per side, 2 times",
        ),
        ("kind: timed\n    duration_s: 30", "30 sec", "30 s"),
        ("kind: activity\n    duration_s: {min: 1200, max: 1800}", "20–30 min", "20–30 min"),
        ("kind: activity\n    estimate_s: 900", "n.v.t.", "no count"),
    ],
)
def test_other_doses_read_as_a_leaflet_would_write_them(dose: str, nl: str, en: str) -> None:
    exercise = load_text(ONE + f"    {dose}\n").exercise("x")
    assert leaflet_dose(exercise) == Text(nl=nl, en=en)
