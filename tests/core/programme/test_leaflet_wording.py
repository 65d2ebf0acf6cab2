"""The bundled programmes tell the leaflets' facts in their own words (issue 12, point 7).

Every Dutch text a patient reads (description, instructions, phase notes, check-ins) is
compared with its leaflet: no run of five words or more may be the leaflet's own. The
leaflets are the project's seeds, kept beside the repository; without them this is skipped.
"""

from __future__ import annotations

import re

import pytest

from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Programme
from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"
MOST_WORDS_IN_A_ROW = 4


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", text.lower())


def _runs(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _dutch_texts(programme: Programme) -> dict[str, str]:
    texts = {"description": programme.description.nl if programme.description else None}
    texts |= {f"phases.{p.id}.note": p.note.nl for p in programme.phases if p.note}
    texts |= {f"check_ins.week {c.week:g}": c.note.nl for c in programme.frequency.check_ins}
    texts |= {f"{e.id}.instructions": e.instructions.nl for e in programme.exercises}
    return {name: text for name, text in texts.items() if text}


@pytest.mark.parametrize(("programme", "seed"), [("si-gewricht", "000"), ("si-blokkade-herstel", "002")])
def test_no_sentence_of_a_bundled_programme_copies_its_leaflet(programme: str, seed: str) -> None:
    leaflets = sorted(SEEDS.glob(f"{seed}_*.txt"))
    if not leaflets:
        pytest.skip(f"the leaflet of seed {seed} is not beside the repository")
    leaflet = _runs(_words(leaflets[0].read_text(encoding="utf-8")), MOST_WORDS_IN_A_ROW + 1)
    copied = {
        name: sorted(" ".join(run) for run in _runs(_words(text), MOST_WORDS_IN_A_ROW + 1) & leaflet)
        for name, text in _dutch_texts(load_file(REPO / "programmes" / f"{programme}.yaml")).items()
    }
    assert {name: runs for name, runs in copied.items() if runs} == {}
