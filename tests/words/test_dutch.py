"""Every Dutch string the patient hears or reads is Dutch: no English word leaks in.

Read: the spoken words (:mod:`sitimer.words.phrases`) and every phrase said for the bundled
programmes, the session view's words (:mod:`sitimer.words.session_words`), the Dutch Qt
translations (``sitimer_nl.ts``), the Dutch texts of the bundled programmes, what
``sitimer plan`` and the handout write of them (the plan's lines, each dose in the leaflet's words),
and the labels of the scales the patient answers on (:mod:`sitimer.core.history.scales`).
"""

import dataclasses
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sitimer.core.figure.pose import Base
from sitimer.core.history import scales
from sitimer.core.programme import fields
from sitimer.core.programme.dose_words import leaflet_dose
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.programme.summary import plan_lines
from sitimer.core.session.cues import rep_cue, step_cues
from sitimer.words import phrases, session_words

REPO = Path(__file__).resolve().parents[2]
PROGRAMMES = sorted((REPO / "programmes").glob("*.yaml"))
TS = REPO / "resources" / "translations" / "sitimer_nl.ts"

# Common English words, none of them Dutch. Left out on purpose, as they are Dutch words too:
# of, is, in, op, over, per, week, start, stop, arm, hand, been, half, door, die, want, do, me, we.
ENGLISH = frozenset(
    """
    set sets rest left right hold holds the and next done ready go get side sides switch rep reps
    second seconds minute minutes exercise exercises session sessions well good work to with your
    you yes no not please pause skip save back this that then when what how now for day days weeks
    time more less faster slower count pain effort reminder reminders programme programmes pace
    halfway on off at it by up down all one two three
    """.split()  # noqa: SIM905 - a list of words reads better as words
)

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # "set-pin" and "SI-rekken" are one word


def english_words(text: str) -> list[str]:
    """The English words in ``text``, placeholders aside."""
    return [w for w in _WORD.findall(_PLACEHOLDER.sub(" ", text)) if w.lower() in ENGLISH]


def _yaml_dutch(node: object, where: str) -> Iterator[tuple[str, str]]:
    """Every ``nl:`` text in a programme file, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "nl" and isinstance(value, str):
                yield where, value
            else:
                yield from _yaml_dutch(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _yaml_dutch(item, f"{where}[{i}]")


def _labels(node: object, where: str) -> Iterator[tuple[str, str]]:
    """The Dutch of every scale label in ``node``: a label, a dict or tuple of them, or a dataclass
    holding one (an EARS item)."""
    if isinstance(node, scales.Label):
        yield where, node.nl
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field in dataclasses.fields(node):
            yield from _labels(getattr(node, field.name), f"{where}.{field.name}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _labels(value, f"{where}[{key}]")
    elif isinstance(node, tuple):
        for i, item in enumerate(node):
            yield from _labels(item, f"{where}[{i}]")


def _spoken(path: Path) -> Iterator[str]:
    """Every phrase said in Dutch in a whole session of ``path``, all phases on."""
    plan = build_plan(load_file(path), all_phases=True)
    for step in plan.steps:
        cues = step_cues(plan, step.index)
        if step.kind is StepKind.WORK:
            cues += [rep_cue(step, n, float(n)) for n in range(1, (step.reps or 0) + 1)]
        for cue in cues:
            phrase = phrases.phrase_for(cue, "nl")
            if phrase:
                yield phrases.phrase_text(phrase)


def dutch_strings() -> Iterator[tuple[str, str]]:
    """(where, text) for every Dutch string of the app and the bundled programmes."""
    for key, text in phrases.WORDS["nl"].items():
        yield f"phrases.WORDS[{key}]", text
    for key, text in session_words.WORDS["nl"].items():
        yield f"session_words.WORDS[{key}]", text
    for path in PROGRAMMES:
        for text in _spoken(path):
            yield f"said in {path.name}", text
        yield from _yaml_dutch(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
        plan = build_plan(load_file(path), all_phases=True)
        for line in plan_lines(plan, "nl", all_phases=True):
            yield f"plan of {path.name}", line
        for exercise in plan.programme.exercises:
            yield f"dose of {exercise.id}", leaflet_dose(exercise).nl
    for name, value in vars(scales).items():
        yield from _labels(value, f"scales.{name}")
    for context in ET.parse(TS).getroot().iter("context"):
        problems = context.findtext("name") == "Problems"
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                text = _without_format_words(translation.text) if problems else translation.text
                yield f"sitimer_nl.ts: {message.findtext('source')!r}", text


def _format_words() -> frozenset[str]:
    """The programme format's own words: its field names and the values a field takes."""
    tables = [
        v
        for v in vars(fields).values()
        if isinstance(v, dict) and v and all(isinstance(f, fields.Field) for f in v.values())
    ]
    words = {name for table in tables for name in table}
    words |= {choice for table in tables for f in table.values() for choice in f.choices}
    return frozenset(words | {b.value for b in Base})


def _without_format_words(text: str) -> str:
    """A file's problem in Dutch, the words a therapist writes in the file (``reps_per_side``,
    ``weeks``, ``back``) taken out: they stay English, as the file has them."""
    words = _format_words()
    return re.sub(r"[a-z_]+", lambda m: "" if m.group() in words else m.group(), text)


def test_no_english_word_in_any_dutch_string():
    leaks = {
        text: f"{where}: {text!r} ({', '.join(found)})"
        for where, text in dutch_strings()
        if (found := english_words(text))
    }
    assert not leaks, "English in Dutch strings:\n" + "\n".join(leaks.values())


def test_every_source_of_dutch_is_read():
    wheres = [where for where, _ in dutch_strings()]
    assert any(w.startswith("phrases.") for w in wheres)
    assert any(w.startswith("session_words.") for w in wheres)
    assert sum(w.startswith("said in") for w in wheres) > 500  # every count of both sessions
    assert sum(w.startswith("sitimer_nl.ts") for w in wheres) > 300
    assert sum(w.startswith("plan of") for w in wheres) > 20
    assert sum(w.startswith("dose of") for w in wheres) == 15  # 4 + 11 exercises
    assert {w.split("[")[0] for w in wheres if w.startswith("scales.")} >= {
        "scales.BORG_ANCHORS",
        "scales.EARS_ITEMS",
        "scales.GPE_LABELS",
        "scales.MISSED_REASONS",
    }
    for path in PROGRAMMES:  # the names, instructions and descriptions of each
        assert sum(w.startswith(path.name) for w in wheres) >= 10


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Set 1 van 3", ["Set"]),
        ("rust tussen sets", ["sets"]),
        ("houd vast, dertig seconden, rechts", []),
        ("Stel er een in met: sitimer kiosk set-pin", []),  # a command's name is not a word
        ("{kept} van {due} dagen", []),  # placeholders are not read
        ("Oefening 2 van 4: Been lang maken, start", []),  # Dutch words English also has
        ("Hold the right side", ["Hold", "the", "right", "side"]),
    ],
)
def test_english_words_are_found_as_whole_words(text, found):
    assert english_words(text) == found
