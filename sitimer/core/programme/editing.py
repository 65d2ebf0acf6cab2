"""ProgrammeDocument: tailor a programme for one patient without writing YAML, keeping its comments.

The therapist's editor (:mod:`sitimer.qt.editor.window`) changes a programme only through the
typed setters here, which edit the round-trip YAML (:mod:`sitimer.core.programme.yaml_roundtrip`).
The text that would be saved is checked by the real loader, so the editor shows exactly
what ``sitimer validate`` says. A bundled programme is never written over: saving one
makes the patient's own copy, with a new id, title and file name.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from sitimer.core.paths import PROGRAMME_SUFFIXES, resolved
from sitimer.core.programme import yaml_roundtrip
from sitimer.core.programme.fields import BUILTIN_DEFAULTS, DOSE_FIELDS
from sitimer.core.programme.loader import load_text, read_text
from sitimer.core.programme.model import Programme, Text
from sitimer.core.programme.reader import Problem, ProgrammeError
from sitimer.core.programme.writing import carry_media, write_programme
from sitimer.core.said import said

# Where a field goes when an exercise gets it for the first time: after the last of these before it.
_ORDER = ("id", "number", "card", "name", "spoken", "phase", "enabled", "dose", *DOSE_FIELDS)
_SAME_FIGURE = ("reps", "reps_per_side")  # one figure written two ways; the more specific place wins


class Source(StrEnum):
    """Where an exercise's dose value comes from ("Where a value comes from" in the format)."""

    EXERCISE = "exercise"
    DOSE = "dose"
    DEFAULTS = "defaults"
    BUILTIN = "builtin"
    NONE = "none"  # not given anywhere, and no built-in value


@dataclass(frozen=True)
class Value:
    """A dose value as written in the file, and where it is written."""

    value: Any
    source: Source


def _text(raw: Any) -> Text:
    if isinstance(raw, dict):
        return Text(nl=_str(raw.get("nl")), en=_str(raw.get("en")))
    return Text(nl=_str(raw), en=_str(raw))


def _str(raw: Any) -> str | None:
    return None if raw is None or isinstance(raw, dict | list) else str(raw)


def _written(value: Any) -> str:
    """An id as the loader reads it: as written, even where YAML 1.2 reads a number (012, 1e3)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return yaml_roundtrip.dump(value).split("\n", 1)[0]
    return str(value)


def _number(value: float | int) -> int | float:
    """A figure as a therapist writes it: 20, not 20.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def slug(label: str) -> str:
    """A label as an identifier: "Jan de Vries" -> "jan-de-vries"."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "copy"


def _take(items: CommentedSeq, item: Any) -> None:
    """Remove this very item (not one that merely looks the same)."""
    del items[next(i for i, other in enumerate(items) if other is item)]


def insert_field(exercise: CommentedMap, name: str, value: Any) -> None:
    """Give an exercise a field it did not have, in the place the format's order gives it."""
    before = [k for k in _ORDER[: _ORDER.index(name)] if k in exercise] if name in _ORDER else list(exercise)
    yaml_roundtrip.insert_key(exercise, before[-1] if before else None, name, value)


class ProgrammeDocument:
    """A programme file opened for editing: typed setters, its text with comments, the loader's verdict."""

    def __init__(self, text: str, path: Path | None = None) -> None:
        self.path = path
        load_text(text, self._file(), self._folder())  # what `validate` refuses is not opened, with its lines
        self._original = text
        self._data = self._parse(text)
        self._base = yaml_roundtrip.dump(self._data)
        self._dumped: str | None = self._base  # the dump of the data now; None once it changes

    @classmethod
    def from_file(cls, path: Path) -> ProgrammeDocument:
        """A document from a programme file, read as the loader reads it (same size limit, never blocking)."""
        return cls(read_text(path), path)

    def _parse(self, text: str) -> CommentedMap:
        try:
            data = yaml_roundtrip.load(text)
        except (YAMLError, RecursionError):
            data = None
        if not isinstance(data, CommentedMap):
            raise ProgrammeError([Problem(self._file(), 1, 1, "(file)", said("not a programme"))])
        return data

    def _file(self) -> str:
        return str(self.path) if self.path else "<text>"

    def _folder(self) -> Path | None:  # where its photos and videos are
        return resolved(self.path).parent if self.path else None

    # -- text and checking ---------------------------------------------------------------------
    def text(self) -> str:
        """The YAML as it would be saved: comments, order and untouched lines as written."""
        return yaml_roundtrip.overlay(self._original, self._base, self.snapshot())

    def snapshot(self) -> str:
        """The document's state, for undo: hand it to :meth:`restore`."""
        if self._dumped is None:
            self._dumped = yaml_roundtrip.dump(self._data)
        return self._dumped

    def restore(self, state: str) -> None:
        """Go back to a state from :meth:`snapshot`."""
        self._data = yaml_roundtrip.load(state)
        self._dumped = state

    def check(self, file: str | None = None) -> Programme | list[Problem]:
        """The programme the text loads as, or every problem exactly as ``sitimer validate`` prints it."""
        try:
            return load_text(self.text(), file or self._file(), self._folder())
        except ProgrammeError as err:
            return err.problems

    def title(self) -> Text:
        """The programme's title as written."""
        return _text(self._data.get("title"))

    # -- exercises -----------------------------------------------------------------------------
    def _exercises(self) -> CommentedSeq:
        items = self._data.get("exercises")
        return items if isinstance(items, CommentedSeq) else CommentedSeq()

    def exercise_ids(self) -> list[str]:
        """The exercises' ids, in the order of a session."""
        return [_written(e["id"]) for e in self._exercises() if isinstance(e, CommentedMap) and "id" in e]

    def exercise_fields(self, exercise_id: str) -> CommentedMap:
        """The exercise's mapping in the document (change it only through the setters)."""
        for item in self._exercises():
            if isinstance(item, CommentedMap) and _written(item.get("id")) == exercise_id:
                return item
        raise KeyError(exercise_id)

    def exercise_name(self, exercise_id: str) -> Text:
        """The exercise's name as written."""
        return _text(self.exercise_fields(exercise_id).get("name"))

    def _places(self, exercise: CommentedMap) -> list[tuple[Source, Any]]:
        """Where dose values come from, most specific first: the exercise, its dose, ``defaults``."""
        doses = self._data.get("doses")
        dose = doses.get(exercise.get("dose")) if isinstance(doses, dict) else None
        defaults = self._data.get("defaults")
        places = [(Source.EXERCISE, exercise), (Source.DOSE, dose), (Source.DEFAULTS, defaults)]
        return [(source, place) for source, place in places if isinstance(place, dict)]

    def value(self, exercise_id: str, name: str) -> Value:
        """A dose field's value for one exercise, and where it comes from."""
        for source, place in self._places(self.exercise_fields(exercise_id)):
            if name in place:
                return Value(place[name], source)
            if name in _SAME_FIGURE and any(other in place for other in _SAME_FIGURE):
                return Value(None, source)  # the other way of writing the figure wins here
        if name in BUILTIN_DEFAULTS:
            return Value(BUILTIN_DEFAULTS[name], Source.BUILTIN)
        return Value(None, Source.NONE)

    def reps(self, exercise_id: str) -> tuple[int | None, bool]:
        """The reps figure as written, and whether it is per side (``reps_per_side``)."""
        per_side = self.value(exercise_id, "reps_per_side").value
        if per_side is not None:
            return int(per_side), True
        reps = self.value(exercise_id, "reps").value
        return (int(reps) if reps is not None else None), False

    def set_exercise_field(self, exercise_id: str, name: str, value: Any) -> None:
        """Set a field on the exercise itself (overriding its dose and ``defaults``); None removes it."""
        self._dumped = None
        exercise = self.exercise_fields(exercise_id)
        if value is None:
            if name in exercise:
                yaml_roundtrip.remove_key(exercise, name)
            return
        if isinstance(value, float | int) and not isinstance(value, bool):
            value = _number(value)
        if name in exercise:
            old = exercise[name]
            if old != value or isinstance(old, bool) != isinstance(value, bool):
                exercise[name] = yaml_roundtrip.flow(value)
        elif not (name == "enabled" and value is True):  # on is what an exercise is unless it says otherwise
            insert_field(exercise, name, value)

    def set_reps(self, exercise_id: str, count: int, per_side: bool) -> None:
        """Reps in one set: over both sides (``reps``) or per side (``reps_per_side``)."""
        name, other = ("reps_per_side", "reps") if per_side else ("reps", "reps_per_side")
        self.set_exercise_field(exercise_id, name, count)
        self.set_exercise_field(exercise_id, other, None)

    def _rearrange(self, change: Any) -> None:
        self._dumped = None
        items = self._exercises()
        spacing = yaml_roundtrip.gaps(items)
        change(items)
        yaml_roundtrip.respace(items, spacing)

    def remove_exercise(self, exercise_id: str) -> None:
        """Take an exercise out of the programme."""
        exercise = self.exercise_fields(exercise_id)
        self._rearrange(lambda items: _take(items, exercise))

    def move_exercise(self, exercise_id: str, index: int) -> None:
        """Move an exercise to place ``index`` in the session (0 is the first)."""
        exercise = self.exercise_fields(exercise_id)

        def move(items: CommentedSeq) -> None:
            _take(items, exercise)
            items.insert(max(0, min(index, len(items))), exercise)

        self._rearrange(move)

    def add_exercise(self, fields: CommentedMap, index: int | None = None) -> str:
        """Add an exercise (a catalogue entry's ``fields``) at ``index``, else at the end; returns its id."""
        self._dumped = None
        exercise = copy.deepcopy(fields)
        ids = set(self.exercise_ids())
        new_id, n = str(exercise["id"]), 2
        while new_id in ids:
            new_id, n = f"{exercise['id']}-{n}", n + 1
        exercise["id"] = new_id
        if not isinstance(self._data.get("exercises"), CommentedSeq):
            self._data["exercises"] = CommentedSeq()

        def add(seq: CommentedSeq) -> None:
            seq.insert(len(seq) if index is None else max(0, min(index, len(seq))), exercise)

        self._rearrange(add)
        return new_id

    # -- phases and frequency ------------------------------------------------------------------
    def phases(self) -> list[tuple[str, Text, bool]]:
        """Each phase's id, title and whether it is switched on."""
        items = self._data.get("phases")
        found = []
        for phase in items if isinstance(items, list) else []:
            if isinstance(phase, dict) and "id" in phase:
                found.append(
                    (_written(phase["id"]), _text(phase.get("title")), phase.get("enabled", True) is True)
                )
        return found

    def set_phase_enabled(self, phase_id: str, enabled: bool) -> None:
        """Switch a phase's exercises into or out of the session."""
        self._dumped = None
        phase = next(
            p
            for p in self._data["phases"]
            if isinstance(p, CommentedMap) and _written(p.get("id")) == phase_id
        )
        if "enabled" in phase:
            phase["enabled"] = enabled
        else:
            after = "title" if "title" in phase else list(phase)[-1]
            yaml_roundtrip.insert_key(phase, after, "enabled", enabled)

    def _frequency(self) -> CommentedMap:
        self._dumped = None
        if not isinstance(self._data.get("frequency"), CommentedMap):
            self._data["frequency"] = CommentedMap()
        frequency: CommentedMap = self._data["frequency"]
        return frequency

    def frequency(self) -> tuple[tuple[int, int], float | None, list[str]]:
        """Sessions a day (low, high), weeks (None: until recovery) and reminder times, as written."""
        raw = self._data.get("frequency")
        raw = raw if isinstance(raw, dict) else {}
        per_day = raw.get("sessions_per_day", 1)
        if isinstance(per_day, dict):
            low, high = per_day.get("min", 1), per_day.get("max", 1)
        else:
            low = high = per_day
        weeks = raw.get("weeks")
        reminders = raw.get("reminders")

        def whole(value: Any) -> int:
            return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 1

        return (
            (whole(low), whole(high)),
            float(weeks) if isinstance(weeks, int | float) and not isinstance(weeks, bool) else None,
            [str(t) for t in reminders] if isinstance(reminders, list) else [],
        )

    def set_frequency(self, sessions_per_day: tuple[int, int], weeks: float | None) -> None:
        """Sessions a day (one figure when low == high) and weeks until the review (None: no end)."""
        frequency = self._frequency()
        low, high = sessions_per_day
        current = frequency.get("sessions_per_day")
        if low == high:
            if current != low:
                self._put_top(frequency, "sessions_per_day", low, None)
        elif isinstance(current, CommentedMap):
            current["min"], current["max"] = low, high
        else:
            self._put_top(frequency, "sessions_per_day", {"min": low, "max": high}, None)
        if weeks is None:
            if "weeks" in frequency:
                yaml_roundtrip.remove_key(frequency, "weeks")
        elif frequency.get("weeks") != weeks:
            self._put_top(frequency, "weeks", _number(weeks), "sessions_per_day")

    def set_reminders(self, times: Iterable[str]) -> None:
        """Times of day to be reminded, as ``["09:00", "19:00"]``; none removes the field."""
        wanted = [t.strip() for t in times if t.strip()]
        frequency = self._frequency()
        if not wanted:
            if "reminders" in frequency:
                yaml_roundtrip.remove_key(frequency, "reminders")
            return
        if list(frequency.get("reminders") or []) != wanted:
            quoted = [DoubleQuotedScalarString(t) for t in wanted]  # 19:00 unquoted is a number in YAML 1.1
            after = "weeks" if "weeks" in frequency else "sessions_per_day"
            self._put_top(frequency, "reminders", quoted, after)

    @staticmethod
    def _put_top(mapping: CommentedMap, key: str, value: Any, after: str | None) -> None:
        if key in mapping:
            mapping[key] = yaml_roundtrip.flow(value)
        else:
            last = list(mapping)[-1] if mapping else None
            yaml_roundtrip.insert_key(mapping, after if after in mapping else last, key, value)

    # -- the patient's own copy ----------------------------------------------------------------
    def rename_copy(self, label: str) -> str:
        """Make this the patient's own copy: ``label`` added to the id and to the title; returns the id."""
        self._dumped = None
        old_id = str(self._data.get("id", "programme"))
        new_id = old_id if old_id.endswith(f"-{slug(label)}") else f"{old_id}-{slug(label)}"
        self._data["id"] = new_id
        title = self._data.get("title")
        if isinstance(title, dict):
            for lang in ("nl", "en"):
                if lang in title:
                    title[lang] = f"{title[lang]} ({label})"
        elif title is not None:
            self._data["title"] = f"{title} ({label})"
        return new_id

    def save(self, target: Path, bundled_dir: Path) -> None:
        """Write the programme to ``target``, which becomes its file; never into ``bundled_dir``."""
        text = self.text()
        write_programme(text, target, bundled_dir)
        self._carry_media(target.parent)
        self.path, self._original, self._base = target, text, yaml_roundtrip.dump(self._data)

    def _carry_media(self, folder: Path) -> None:
        """Copy the photos and videos found beside this file to ``folder``, where it is saved too."""
        if self.path is not None and isinstance(loaded := self.check(), Programme):
            carry_media(loaded, resolved(self.path).parent, folder)

    def save_copy(self, folder: Path, label: str, bundled_dir: Path) -> Path:
        """Save as the patient's own copy in ``folder``: a new id, title and ``.yaml`` file name (never one
        taken, as ``.yaml`` or ``.yml``)."""
        self._dumped = None
        base_id = self.rename_copy(label)
        programme_id, n = base_id, 2
        while any((folder / f"{programme_id}{suffix}").exists() for suffix in PROGRAMME_SUFFIXES):
            programme_id, n = f"{base_id}-{n}", n + 1
        self._data["id"] = programme_id
        target = folder / f"{programme_id}.yaml"
        self.save(target, bundled_dir)
        return target

    def export(self, target: Path, bundled_dir: Path) -> None:
        """Write a copy of the text (and its media) elsewhere, to hand over; the document stays as it is."""
        write_programme(self.text(), target, bundled_dir)
        self._carry_media(target.parent)
