"""The exercise catalogue: every exercise of the bundled programmes, to add to a patient's programme.

An exercise leaves its programme behind when it is added elsewhere: its handout number, its
leaflet's label ("oef. 6", a card this patient never got), phase and named dose mean nothing
there. What its dose and that programme's ``defaults`` gave it is written on the exercise, so it
keeps the dose it was prescribed with.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from sitimer.core.programme import yaml_roundtrip
from sitimer.core.programme.editing import ProgrammeDocument, Source, insert_field
from sitimer.core.programme.fields import DOSE_FIELDS, KIND_FIELDS
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Exercise, Kind, Text
from sitimer.core.programme.reader import ProgrammeError

_LEFT_BEHIND = ("number", "card", "phase", "enabled", "dose")  # "card": that leaflet's label


@dataclass(frozen=True)
class CatalogueEntry:
    """An exercise of a bundled programme, ready to add to another one with the dose it had there."""

    programme_id: str
    programme_title: Text
    exercise: Exercise  # as it loads in its own programme: name, instructions, dose
    fields: CommentedMap = field(compare=False, repr=False)  # its YAML, standing on its own


def standalone(document: ProgrammeDocument, exercise_id: str) -> CommentedMap:
    """An exercise's YAML as it stands on its own: what its dose and ``defaults`` give, written on it."""
    exercise = copy.deepcopy(document.exercise_fields(exercise_id))
    kind = document.value(exercise_id, "kind").value
    fits = KIND_FIELDS[Kind(kind)] if kind in tuple(Kind) else set(DOSE_FIELDS)
    for name in DOSE_FIELDS:
        found = document.value(exercise_id, name)
        if found.source in (Source.DOSE, Source.DEFAULTS) and found.value is not None and name in fits:
            insert_field(exercise, name, copy.deepcopy(found.value))
    for name in _LEFT_BEHIND:
        if name in exercise:
            yaml_roundtrip.remove_key(exercise, name)
    return exercise


def catalogue(paths: Iterable[Path]) -> list[CatalogueEntry]:
    """Every exercise of these programmes (the bundled ones), with its instructions and dose."""
    entries = []
    for path in paths:
        try:
            programme = load_file(path)
            document = ProgrammeDocument.from_file(path)
        except ProgrammeError:
            continue  # a broken file offers nothing; `sitimer validate` says why
        for exercise in programme.exercises:
            entries.append(
                CatalogueEntry(programme.id, programme.title, exercise, standalone(document, exercise.id))
            )
    return entries
