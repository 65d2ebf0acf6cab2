"""One exercise of a programme file: its dose merged from defaults, a named dose and its own fields.

Precedence is the exercise's own field, then its named dose, then ``defaults``, then the
built-in defaults. A field given by the dose or the exercise itself that the exercise's kind
does not use is a problem; one from ``defaults`` is simply not used.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitimer.core.programme.fields import (
    BUILTIN_DEFAULTS,
    DOSE_FIELDS,
    EXERCISE_FIELDS,
    KIND_FIELDS,
    KIND_SIDES,
)
from sitimer.core.programme.figure_entry import PoseBook, read_figure
from sitimer.core.programme.media_entry import read_media
from sitimer.core.programme.model import Exercise, Kind, Pacing, Phase, Side, Sides
from sitimer.core.programme.reader import Abort, Reader, hint
from sitimer.core.said import said

Entries = dict[str, tuple[yaml.Node, str]]  # a dose's fields: value node and its path in the file
_Chosen = dict[str, tuple[yaml.Node, str, bool]]  # ... and whether it was given for this exercise
_SAME_FIGURE = {"reps": ("reps_per_side",), "reps_per_side": ("reps",)}
_OWN_READERS = {*DOSE_FIELDS, "figure", "media"}  # fields read apart from the plain ones


@dataclass(frozen=True)
class Context:
    """What an exercise may refer to: the doses, phases and poses of its programme, and its folder.

    ``folder`` is where media files are looked for (the programme file's folder); None for a
    text with no file, whose media paths are kept as written.
    """

    defaults: Entries = field(default_factory=dict)
    doses: dict[str, Entries] = field(default_factory=dict)
    phases: tuple[Phase, ...] = ()
    poses: PoseBook = field(default_factory=PoseBook)
    folder: Path | None = None


@dataclass(frozen=True)
class _Dose:
    """The checked dose of one exercise: its kind, sides, reps over both sides and every value."""

    kind: Kind
    sides: Sides
    reps: int | None
    values: dict[str, Any]


def dose_entries(r: Reader, node: yaml.Node, path: str) -> Entries:
    """A dose's raw entries with their paths, each checked on its own."""
    entries = r.mapping(node, path, DOSE_FIELDS)
    r.fields(entries, path, DOSE_FIELDS)  # report bad values where they are written
    return {name: (value, f"{path}.{name}") for name, value in entries.items()}


def read_exercise(r: Reader, node: yaml.Node, path: str, context: Context) -> Exercise:
    """One entry of ``exercises``; raises Abort when it has a problem (recorded in ``r``)."""
    before = len(r.problems)
    doses, phases = context.doses, context.phases
    own = r.mapping(node, path, EXERCISE_FIELDS)
    values = r.fields({k: v for k, v in own.items() if k not in _OWN_READERS}, path, EXERCISE_FIELDS)
    dose: Entries = {}
    if "dose" in values:
        if values["dose"] not in doses:
            r.problem(
                own["dose"],
                f"{path}.dose",
                said(
                    "no dose named {name!r}{hint}",
                    name=values["dose"],
                    hint=hint(values["dose"], list(doses)),
                ),
            )
        else:
            dose = doses[values["dose"]]
    if "phase" in values and not any(p.id == values["phase"] for p in phases):
        ids = [p.id for p in phases]
        r.problem(
            own["phase"],
            f"{path}.phase",
            said("no phase named {name!r}{hint}", name=values["phase"], hint=hint(values["phase"], ids)),
        )
    own_dose = {name: (own[name], f"{path}.{name}") for name in DOSE_FIELDS if name in own}
    checked = _check(r, node, path, _merge(r, context.defaults, dose, own_dose))
    if "side_meaning" in values and checked.sides is Sides.NONE:
        r.problem(own["side_meaning"], f"{path}.side_meaning", said("needs sides: alternate or each"))
    _read_pictures(r, own, path, checked.kind, context, values)
    if len(r.problems) > before or not {"id", "name", "instructions"} <= set(values):
        raise Abort()
    return _build(values, checked)


def _read_pictures(
    r: Reader, own: dict[str, yaml.Node], path: str, kind: Kind, context: Context, values: dict[str, Any]
) -> None:
    """The exercise's ``figure`` or ``media`` into ``values``; a missing media file is a soft problem."""
    with contextlib.suppress(Abort):
        if "figure" in own:
            values["figure"] = read_figure(r, own["figure"], f"{path}.figure", kind, context.poses)
    with contextlib.suppress(Abort):
        if "media" in own:
            if "figure" in own:
                raise r.fail(own["media"], f"{path}.media", said("give figure or media, not both"))
            values["media"], values["media_problem"] = read_media(
                r, own["media"], f"{path}.media", context.folder
            )


def _merge(r: Reader, defaults: Entries, dose: Entries, own: Entries) -> _Chosen:
    """Each dose field from where it counts: the exercise's own, then its dose, then `defaults`."""
    chosen: _Chosen = {}
    for source, specific in ((defaults, False), (dose, True), (own, True)):
        if "reps" in source and "reps_per_side" in source:
            value_node, value_path = source["reps_per_side"]
            r.problem(value_node, value_path, said("give reps or reps_per_side, not both"))
        for name, (value_node, value_path) in source.items():
            # reps and reps_per_side are one figure written two ways: the later wins.
            for other in _SAME_FIGURE.get(name, ()):
                chosen.pop(other, None)
            chosen[name] = (value_node, value_path, specific)
    return chosen


def _check(r: Reader, node: yaml.Node, path: str, chosen: _Chosen) -> _Dose:
    """The chosen dose fields read and checked against the kind and each other."""
    read: dict[str, Any] = {}
    for name, (value_node, value_path, _) in chosen.items():
        with contextlib.suppress(Abort):
            read[name] = r.value(value_node, value_path, DOSE_FIELDS[name])
    if "kind" not in chosen:
        raise r.fail(node, f"{path}.kind", said("required field missing (reps, hold, timed or activity)"))
    if "kind" not in read:
        raise Abort()
    kind = Kind(read["kind"])
    for name, (value_node, value_path, specific) in chosen.items():
        if specific and name not in KIND_FIELDS[kind]:
            r.problem(value_node, value_path, said("not used by a {kind} exercise", kind=kind.value))
    merged = {**BUILTIN_DEFAULTS, **{k: v for k, v in read.items() if k in KIND_FIELDS[kind]}}
    sides = Sides(merged["sides"])
    if sides not in KIND_SIDES[kind]:
        allowed = ", ".join(s.value for s in KIND_SIDES[kind])
        where = chosen["sides"][1] if "sides" in chosen else f"{path}.sides"
        r.problem(
            chosen["sides"][0] if "sides" in chosen else node,
            where,
            said(
                "{sides!r} does not fit a {kind} exercise; use {allowed}",
                sides=sides.value,
                kind=kind.value,
                allowed=allowed,
            ),
        )
    sides_ok = "sides" not in chosen or "sides" in read  # a wrong one was reported already
    reps = _reps(r, node, path, kind, sides, chosen, merged, sides_ok)
    _require(r, node, path, kind, chosen)
    return _Dose(kind, sides, reps, merged)


def _build(values: dict[str, Any], dose: _Dose) -> Exercise:
    kind, merged = dose.kind, dose.values
    return Exercise(
        id=values["id"],
        name=values["name"],
        spoken=values.get("spoken"),
        instructions=values["instructions"],
        number=values.get("number"),
        card=values.get("card"),
        side_meaning=values.get("side_meaning", ()),
        phase=values.get("phase"),
        enabled=values.get("enabled", True),
        kind=kind,
        sets=int(merged["sets"]),
        reps=dose.reps,
        counted_per_side=kind is Kind.REPS and "reps_per_side" in merged,
        sides=dose.sides,
        first_side=Side(merged["first_side"]),
        tempo_s=float(merged["tempo_s"]) if kind is Kind.REPS else None,
        pacing=Pacing(merged["pacing"]),
        hold_s=float(merged["hold_s"]) if "hold_s" in merged else None,
        duration_s=merged.get("duration_s"),
        estimate_s=float(merged["estimate_s"]) if kind is Kind.ACTIVITY else None,
        rest_s=float(merged["rest_s"]),
        rest_after_s=float(merged["rest_after_s"]),
        prepare_s=float(merged["prepare_s"]),
        switch_s=float(merged["switch_s"]),
        figure=values.get("figure"),
        media=values.get("media"),
        media_problem=values.get("media_problem"),
    )


def _reps(
    r: Reader,
    node: yaml.Node,
    path: str,
    kind: Kind,
    sides: Sides,
    chosen: _Chosen,
    merged: dict[str, Any],
    sides_ok: bool,
) -> int | None:
    if kind is not Kind.REPS:
        return None
    if "reps" not in chosen and "reps_per_side" not in chosen:
        r.problem(node, f"{path}.reps", said("required field missing (reps or reps_per_side)"))
        return None
    if "reps" not in merged and "reps_per_side" not in merged:
        return None  # given, but wrong: reported where it was written
    if "reps_per_side" in merged:
        if sides is Sides.NONE and sides_ok:
            r.problem(
                chosen["reps_per_side"][0],
                chosen["reps_per_side"][1],
                said("reps_per_side needs sides: alternate or each; use reps"),
            )
            return None
        return int(merged["reps_per_side"]) * 2
    if sides is Sides.EACH and sides_ok and merged["reps"] % 2:
        r.problem(
            chosen["reps"][0],
            chosen["reps"][1],
            said(
                "{reps} reps cannot be split evenly over both sides; use reps_per_side", reps=merged["reps"]
            ),
        )
    return int(merged["reps"])


def _require(r: Reader, node: yaml.Node, path: str, kind: Kind, given: dict[str, Any]) -> None:
    """A field the kind cannot do without; a given but wrong value was reported already."""
    needed = {Kind.HOLD: "hold_s", Kind.TIMED: "duration_s"}.get(kind)
    if needed and needed not in given:
        r.problem(
            node, f"{path}.{needed}", said("required field missing for a {kind} exercise", kind=kind.value)
        )
