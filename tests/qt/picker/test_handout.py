"""The patient's handout (PDF), read back with pdftotext: what a patient reads at home.

True to the leaflets (issue 12): the doses as the leaflet words them, the check-ins and the review
point instead of an end date, the daily walk apart from the sessions without our estimate, and
the card's own number beside ours where the card numbers otherwise.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sitimer.core.programme.loader import load_file
from sitimer.qt.picker.handout import write_handout

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")


def handout_text(path: Path, tmp_path: Path, lang: str = "en") -> str:
    """The handout of the programme at ``path``, as one line of words."""
    pdf = tmp_path / "handout.pdf"
    write_handout(load_file(path), pdf, lang)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_the_handout_has_every_exercise_with_its_dose_and_the_later_ones_apart(qapp, tmp_path, si_blokkade):
    programme = load_file(si_blokkade)
    text = handout_text(si_blokkade, tmp_path)
    assert "3–5× a day" in text
    later = text.index("Later: only when your therapist says so")
    for exercise in programme.exercises:
        at = text.index(f"{exercise.number} · {exercise.name.get('en')}")
        assert (at > later) == (exercise not in programme.active_exercises()), exercise.id
        assert " ".join(exercise.instructions.get("en").split()[:4]) in text
    assert "15 s rest" in text


def test_the_header_gives_the_check_ins_and_the_review_not_an_end_date(qapp, tmp_path, si_gewricht):
    text = handout_text(si_gewricht, tmp_path)
    assert "2× a day, review after 4 weeks · about 26 min a session" in text
    assert "for 4 weeks" not in text
    week_2 = text.index("After 2 weeks: Most people are clearly better by now. You can start running again")
    week_4 = text.index(
        "After 4 weeks — review: Have the complaints not eased yet? Then contact the sports physician."
    )
    assert week_2 < week_4 < text.index("1 · Windmills")
    assert "keep doing the exercises anyway" in text[week_4:]  # the exercises go on after the review


def test_the_dutch_header_says_controle_and_na_2_weken(qapp, tmp_path, si_gewricht, dutch):
    text = handout_text(si_gewricht, tmp_path, "nl")
    assert "2× per dag, controle na 4 weken · " in text
    assert "Na 2 weken: Meestal gaat het nu al een stuk beter." in text
    assert (
        "Na 4 weken — controle: Zijn de klachten nog niet minder? Neem dan contact op met de sportarts."
        in text
    )


def test_doses_read_as_the_leaflet_gives_them(qapp, tmp_path, si_gewricht, dutch):
    # seed 000: "voor elke zijde 15x ... Herhaal deze oefening 3 keer met tussenpozen van 1 minuut"
    # and "Hou de positie 30 seconden vast en doe dit 3x beiderzijds"
    text = handout_text(si_gewricht, tmp_path, "nl")
    assert text.count("15× per kant, 3 keer") == 3  # molenwieken, roteren, krachtoefening
    assert "30 sec vasthouden, 3× beiderzijds" in text  # SI-rekken
    assert "60 sec rust tussen de series" in text  # the leaflet's "tussenpozen van 1 minuut", secondary
    assert "3 × 30" not in text and "om en om" not in text


def test_the_daily_walk_stands_apart_without_our_estimate(qapp, tmp_path, si_blokkade):
    text = handout_text(si_blokkade, tmp_path)
    daily = text.index("Every day, apart from the sessions")
    walk = text.index("1 · Walk or cycle No set count or time")
    session = text.index("The exercises of each session")
    assert daily < walk < session < text.index("2 · Knee rolls 10 per side, 3 times")
    assert "10 min" not in text  # the card says "n.v.t.": our 10-minute estimate is no prescription
    assert "about 11 min a session" in text  # 2-4, with their rests: the walk is not in it


def test_the_cards_own_number_beside_ours(qapp, tmp_path, si_blokkade, dutch):
    text = handout_text(si_blokkade, tmp_path, "nl")
    assert "5 · Bekken kantelen (hol en bol) (kaart: oef. 6) 10×, 3 keer" in text
    assert "6 · Knie naar de andere schouder (kaart: afb. 5) 10× per kant, 3 keer" in text
    assert "2 · Knieën opzij kantelen 10× per kant, 3 keer" in text  # the card numbers 2 alike


def test_an_exercise_switched_off_for_this_patient_is_not_on_their_handout(qapp, tmp_path, si_blokkade):
    """The therapist picks "a selection of 5-11": the phase on, one exercise of it off. That one is
    not the patient's, now or later; the handout listed it under "Later" with its dose."""
    text = si_blokkade.read_text(encoding="utf-8")
    text = text.replace("  - id: arm-en-been-heffen\n", "  - id: arm-en-been-heffen\n    enabled: false\n")
    tailored = tmp_path / "selection.yaml"
    tailored.write_text(text, encoding="utf-8")
    programme = load_file(tailored)
    off = programme.exercise("arm-en-been-heffen")
    assert not off.enabled
    handout = handout_text(tailored, tmp_path)
    assert off.name.get("en") not in handout
    later = handout.index("Later: only when your therapist says so")
    assert handout.index(programme.exercise("hakkenloop").name.get("en")) > later  # its phase is off
