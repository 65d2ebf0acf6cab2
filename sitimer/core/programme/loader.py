"""YAML -> Programme, with every problem located by file, line, column and field.

The file is only *composed* (parsed into nodes), never constructed by PyYAML,
so no tag can run code; :mod:`sitimer.core.programme.reader` reads the nodes and
:mod:`sitimer.core.programme.exercise_entry` each exercise. Every problem found is
reported, not just the first, as ``FILE:LINE:COL: path: message``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from sitimer.core.paths import resolved
from sitimer.core.programme.exercise_entry import Context, Entries, dose_entries, read_exercise
from sitimer.core.programme.fields import (
    FREQUENCY_FIELDS,
    MAX_EXERCISES,
    MAX_PHASES,
    MAX_SESSION_S,
    PHASE_FIELDS,
    TOP_FIELDS,
)
from sitimer.core.programme.figure_entry import PoseBook, read_poses
from sitimer.core.programme.model import Exercise, Frequency, Phase, Programme
from sitimer.core.programme.plan import build_plan
from sitimer.core.programme.reader import Abort, Problem, ProgrammeError, Reader, field_key
from sitimer.core.programme.yaml_words import unclosed, yaml_words
from sitimer.core.said import said
from sitimer.core.small_file import NotAFile, TooLarge, read_small

MAX_FILE_BYTES = 1_000_000
# libyaml's parser is ~15x faster and keeps line and column; PyYAML's own is the fallback.
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    """Parse into nodes with libyaml; on an error, PyYAML's own parser words it better."""
    try:
        return _YAML(text).get_single_node()
    except yaml.YAMLError:
        if _YAML is yaml.SafeLoader:
            raise
    return yaml.SafeLoader(text).get_single_node()


def read_text(path: str | Path) -> str:
    """A programme file's text, read without ever waiting on it; raises ProgrammeError.

    A pipe, a device or a folder is refused at once (opened without blocking, then checked),
    and no more than MAX_FILE_BYTES + 1 bytes are read from anything.
    """
    name = str(path)

    def refuse(message: str) -> ProgrammeError:
        return ProgrammeError([Problem(name, 1, 1, "(file)", message)])

    try:
        data = read_small(path, MAX_FILE_BYTES)
    except NotAFile:
        raise refuse(
            said("not a regular file (a folder, pipe or device); a programme is a .yaml file")
        ) from None
    except TooLarge:
        raise refuse(said("larger than 1 MB; not a programme")) from None
    except OSError as err:
        raise refuse(said("cannot read: {error}", error=str(err.strerror or err))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise refuse(said("not UTF-8 text (byte {at})", at=err.start)) from None


def load_file(path: str | Path, strict: bool = False) -> Programme:
    """Load and check a programme file; raises ProgrammeError naming every problem.

    A missing or broken photo or video leaves the programme usable: it loads, with the reason
    on the exercise (``media_problem``); with ``strict`` (``sitimer validate``) it is a problem too.
    """
    where = resolved(Path(path))
    programme = load_text(read_text(path), str(path), where.parent, strict)
    return Programme(**{**programme.__dict__, "path": str(where)})


def load_text(text: str, file: str = "<text>", folder: Path | None = None, strict: bool = False) -> Programme:
    """Load and check a programme from YAML text; raises ProgrammeError.

    ``folder`` is where its photos and videos are (the file's folder); without one they are
    kept as written and not looked for. ``strict`` as for :func:`load_file`.
    """
    reader = Reader(file)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        left_open = unclosed(err.context, err.problem)
        if err.context_mark and (left_open or "end of stream" in str(err.problem)):
            mark = err.context_mark  # an unclosed quote or bracket: point at where it opened
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = left_open or yaml_words(err.context, err.problem)
        raise ProgrammeError([Problem(file, line, col, "(yaml)", message)]) from None
    except yaml.reader.ReaderError as err:
        before = text[: err.position]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        code = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
        message = said(
            "a character YAML does not allow ({code}); save the file as plain UTF-8 text", code=code
        )
        raise ProgrammeError([Problem(file, line, col, "(yaml)", message)]) from None
    except yaml.YAMLError as err:
        raise ProgrammeError([Problem(file, 1, 1, "(yaml)", " ".join(str(err).split()))]) from None
    except RecursionError:
        raise ProgrammeError([Problem(file, 1, 1, "(yaml)", said("nested too deeply"))]) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        raise ProgrammeError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "(file)",
                    said("the file is empty; a programme needs id, title, frequency and exercises"),
                )
            ]
        )
    try:
        programme = _programme(reader, root, folder)
    except Abort:
        programme = None
    except RecursionError:
        reader.problem(root, "(file)", said("nested too deeply"))
        programme = None
    if reader.problems or programme is None:
        found = reader.problems + reader.soft
        raise ProgrammeError(found or [Problem(file, 1, 1, "(file)", said("not a programme"))])
    if strict and reader.soft:
        raise ProgrammeError(reader.soft)
    return programme


def _programme(r: Reader, root: yaml.Node, folder: Path | None) -> Programme | None:
    entries = r.mapping(root, "", TOP_FIELDS)
    top = r.fields(
        {
            k: v
            for k, v in entries.items()
            if TOP_FIELDS[k].type not in ("frequency", "defaults", "doses", "phases", "poses", "exercises")
        },
        "",
        TOP_FIELDS,
    )
    frequency = _section(r, entries, "frequency", _frequency, None)
    no_entries: Entries = {}
    no_doses: dict[str, Entries] = {}
    no_phases: tuple[Phase, ...] = ()
    defaults = _section(r, entries, "defaults", lambda r_, n: dose_entries(r_, n, "defaults"), no_entries)
    doses = _section(r, entries, "doses", _doses, no_doses)
    phases = _section(r, entries, "phases", _phases, no_phases)
    poses = _section(r, entries, "poses", read_poses, PoseBook())
    exercises = _exercises(r, entries, Context(defaults, doses, phases, poses, folder))
    if r.problems or frequency is None or "id" not in top or "title" not in top:
        return None
    programme = Programme(
        id=top["id"],
        title=top["title"],
        source=top.get("source"),
        description=top.get("description"),
        frequency=frequency,
        phases=phases,
        exercises=tuple(exercises),
    )
    total_s = build_plan(programme, all_phases=True).total_s
    if total_s > MAX_SESSION_S:
        r.problem(
            entries["exercises"],
            "exercises",
            said(
                "a session of every exercise lasts {length}; at most {most}: "
                "split them over several programmes",
                length=_duration(total_s),
                most=_duration(MAX_SESSION_S),
            ),
        )
        return None
    if not programme.active_exercises():
        # every exercise (or its phase) switched off: a session would end as it began, and be
        # counted as done
        r.problem(
            entries["exercises"],
            "exercises",
            said(
                "no exercise is switched on (each has enabled: false, or its phase has): "
                "switch at least one on"
            ),
        )
        return None
    return programme


def _exercises(r: Reader, entries: dict[str, yaml.Node], context: Context) -> list[Exercise]:
    """The ``exercises`` section: every entry read, ids unique."""
    exercises: list[Exercise] = []
    items = _section(r, entries, "exercises", lambda r_, n: r_.sequence(n, "exercises"), None)
    if items is None:
        return exercises
    if not items:
        r.problem(entries["exercises"], "exercises", said("a programme needs at least one exercise"))
    if len(items) > MAX_EXERCISES:
        r.problem(
            entries["exercises"],
            "exercises",
            said(
                "{count} exercises; at most {most}: split them over several programmes",
                count=len(items),
                most=MAX_EXERCISES,
            ),
        )
    seen: dict[str, str] = {}
    for i, node in enumerate(items):
        path = f"exercises[{i}]"
        try:
            exercise = read_exercise(r, node, path, context)
        except Abort:
            continue
        if exercise.id in seen:
            twice = said("{id!r} is used twice (also {other})", id=exercise.id, other=seen[exercise.id])
            r.problem(node, f"{path}.id", twice)
        seen[exercise.id] = path
        exercises.append(exercise)
    return exercises


def _duration(seconds: float) -> str:
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


T = TypeVar("T")


def _section(
    r: Reader, entries: dict[str, yaml.Node], name: str, read: Callable[[Reader, yaml.Node], T], missing: T
) -> T:
    """One top-level section; a section of the wrong shape is reported and the others still read."""
    if name not in entries:
        return missing
    try:
        return read(r, entries[name])
    except Abort:
        return missing


def _doses(r: Reader, node: yaml.Node) -> dict[str, Entries]:
    doses: dict[str, Entries] = {}
    for name, entry in r.mapping(node, "doses", None).items():
        try:
            doses[name] = dose_entries(r, entry, f"doses.{field_key(name)}")
        except Abort:
            doses[name] = {}
    return doses


def _frequency(r: Reader, node: yaml.Node) -> Frequency | None:
    entries = r.mapping(node, "frequency", FREQUENCY_FIELDS)
    values = r.fields(entries, "frequency", FREQUENCY_FIELDS)
    reviews = [c.week for c in values.get("check_ins", ()) if c.review]
    if len(reviews) > 1:
        weeks: str = f"{reviews[0]:g}"
        for week in reviews[1:]:
            weeks = said("{weeks} and {week}", weeks=weeks, week=f"{week:g}")
        r.problem(
            entries["check_ins"],
            "frequency.check_ins",
            said("one check-in is the review, not weeks {weeks}", weeks=weeks),
        )
    elif reviews and "weeks" in values and reviews[0] != values["weeks"]:
        r.problem(
            entries["check_ins"],
            "frequency.check_ins",
            said(
                "the review is week {weeks:g} (weeks), not week {review:g}",
                weeks=values["weeks"],
                review=reviews[0],
            ),
        )
    if "sessions_per_day" not in values:
        return None
    return Frequency(
        sessions_per_day=values["sessions_per_day"],
        weeks=values.get("weeks"),
        reminders=values.get("reminders", ()),
        check_ins=values.get("check_ins", ()),
    )


def _phases(r: Reader, node: yaml.Node) -> tuple[Phase, ...]:
    phases: list[Phase] = []
    ids: set[str] = set()
    items = r.sequence(node, "phases")
    if len(items) > MAX_PHASES:
        raise r.fail(
            node, "phases", said("{count} phases; at most {most}", count=len(items), most=MAX_PHASES)
        )
    for i, item in enumerate(items):
        path = f"phases[{i}]"
        try:
            values = r.fields(r.mapping(item, path, PHASE_FIELDS), path, PHASE_FIELDS)
        except Abort:
            continue
        if "id" in values and "title" in values:
            if values["id"] in ids:
                r.problem(item, f"{path}.id", said("{id!r} is used twice", id=values["id"]))
            ids.add(values["id"])
            phases.append(
                Phase(values["id"], values["title"], values.get("enabled", True), values.get("note"))
            )
    return tuple(phases)
