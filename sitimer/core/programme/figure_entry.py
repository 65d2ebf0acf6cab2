"""A programme's figures: its own named poses (``poses:``) and each exercise's ``figure:``, located.

A pose is named (the programme's own poses first, then the shared library of
:func:`sitimer.core.figure.library.library`) or written in place as ``like``, ``base`` and joint
angles. Every problem names the file, line and field, as the rest of the format does: an unknown
pose or joint with the nearest name, an angle no body can reach with the joint's range, a loop
of ``like``, and key poses the exercise's kind does not use.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from sitimer.core.figure.library import POSE_KEYS, build_pose, library, pose_problems
from sitimer.core.figure.pose import Pose
from sitimer.core.figure.skeleton import View
from sitimer.core.figure.spec import DEFAULT_CYCLE_S, Figure
from sitimer.core.programme.fields import (
    FIGURE_FIELDS,
    FIGURE_KIND_FIELDS,
    MAX_KEY_POSES,
    MAX_POSES,
)
from sitimer.core.programme.model import Kind
from sitimer.core.programme.reader import Abort, Reader, field_key, hint
from sitimer.core.said import said

_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass
class PoseBook:
    """The poses a figure can name: the programme's own, and the library's behind them.

    ``broken`` holds the names of own poses that were written wrong: that problem is reported
    where the pose is written, so a figure naming one says nothing more.
    """

    own: dict[str, Pose] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)

    def find(self, name: str) -> Pose | None:
        """The pose of this name: the programme's own first, then the library's."""
        return self.own.get(name) or library().get(name)

    def near(self, name: str) -> str:
        """A hint at the pose meant: the closest name, else one that holds the name written."""
        names = sorted({*self.own, *self.broken, *library()})
        holding = [n for n in names if len(name) >= 3 and name in n]
        return hint(name, names) or (said(" (did you mean '{word}'?)", word=holding[0]) if holding else "")


@dataclass(frozen=True)
class _Written:
    """A pose as written: its plain values, and the node of its ``like`` (to point at)."""

    values: dict[str, Any]
    like: yaml.Node | None


def _written(r: Reader, node: yaml.Node, path: str) -> _Written | None:
    """A written pose's values, every joint and angle checked; None when something is wrong."""
    before = len(r.problems)
    entries = r.mapping(node, path, None)
    values: dict[str, Any] = {}
    for key, value_node in entries.items():
        with contextlib.suppress(Abort):
            values[key] = r.scalar(value_node, f"{path}.{field_key(key)}")
    for key, message in pose_problems({k: v for k, v in values.items() if k != "like"}, {}):
        near = "" if key in POSE_KEYS else hint(key, POSE_KEYS)
        r.problem(
            entries[key], f"{path}.{field_key(key)}", said("{problem}{hint}", problem=message, hint=near)
        )
    if "like" in values and not isinstance(values["like"], str):
        r.problem(
            entries["like"],
            f"{path}.like",
            said("expected a pose name, found {found!r}", found=values["like"]),
        )
    if len(r.problems) > before:
        return None
    return _Written(values, entries.get("like"))


def read_poses(r: Reader, node: yaml.Node) -> PoseBook:
    """The top-level ``poses``: named poses that may be ``like`` each other or a library pose."""
    book = PoseBook()
    entries = r.mapping(node, "poses", None)
    if len(entries) > MAX_POSES:
        raise r.fail(node, "poses", said("{count} poses; at most {most}", count=len(entries), most=MAX_POSES))
    waiting: dict[str, _Written] = {}
    for name, value in entries.items():
        path = f"poses.{field_key(name)}"
        written = _written(r, value, path) if _is_name(r, value, path, name) else None
        if written is None:
            book.broken.add(name)
        else:
            waiting[name] = written
    while waiting:
        ready = [n for n, w in waiting.items() if w.values.get("like") not in waiting]
        if not ready:
            _report_loops(r, waiting)
            book.broken.update(waiting)
            break
        for name in ready:
            written = waiting.pop(name)
            pose = _build(r, written, f"poses.{field_key(name)}", book)
            if pose is None:
                book.broken.add(name)
            else:
                book.own[name] = pose
    return book


def _is_name(r: Reader, node: yaml.Node, path: str, name: str) -> bool:
    if set(name) <= _NAME_CHARS and not name.startswith("-"):
        return True
    r.problem(
        node, path, said("{name!r} is not a pose name: use lowercase letters, digits and dashes", name=name)
    )
    return False


def _report_loops(r: Reader, waiting: Mapping[str, _Written]) -> None:
    """Poses whose ``like`` goes round in a circle (a -> b -> a), or waits on such a circle."""
    for name, written in waiting.items():
        chain = [name]
        while (like := waiting[chain[-1]].values["like"]) not in chain:
            chain.append(like)
        chain.append(like)
        r.problem(
            written.like,
            f"poses.{field_key(name)}.like",
            said(
                "a loop of likes ({chain}); one of them must start from a pose of its own",
                chain=" -> ".join(chain),
            ),
        )


def _build(r: Reader, written: _Written, path: str, book: PoseBook) -> Pose | None:
    """The pose, once its ``like`` is known; an unknown ``like`` is a problem, a broken one is not again."""
    like = written.values.get("like")
    known: dict[str, Pose] = {}
    if like is not None:
        found = book.find(like)
        if found is None:
            if like not in book.broken:
                r.problem(
                    written.like,
                    f"{path}.like",
                    said("no pose named {name!r}{hint}", name=like, hint=book.near(like)),
                )
            return None
        known[like] = found
    return build_pose(written.values, known)


def _pose(r: Reader, node: yaml.Node, path: str, book: PoseBook) -> Pose | None:
    """A key pose of a figure: a pose's name, or the pose written in place."""
    if isinstance(node, yaml.MappingNode):
        written = _written(r, node, path)
        return None if written is None else _build(r, written, path, book)
    name = r.scalar(node, path)
    if not isinstance(name, str):
        raise r.fail(
            node,
            path,
            said("expected a pose name or a pose (like, base, angles), found {found!r}", found=name),
        )
    found = book.find(name)
    if found is None and name not in book.broken:
        r.problem(node, path, said("no pose named {name!r}{hint}", name=name, hint=book.near(name)))
    return found


def _poses(r: Reader, node: yaml.Node, path: str, book: PoseBook) -> tuple[Pose | None, ...]:
    items = r.sequence(node, path)
    if not items:
        raise r.fail(node, path, said("give at least one pose"))
    if len(items) > MAX_KEY_POSES:
        raise r.fail(node, path, said("{count} poses; at most {most}", count=len(items), most=MAX_KEY_POSES))
    found: list[Pose | None] = []
    for i, item in enumerate(items):
        try:
            found.append(_pose(r, item, f"{path}[{i}]", book))
        except Abort:
            found.append(None)
    return tuple(found)


def read_figure(r: Reader, node: yaml.Node, path: str, kind: Kind, book: PoseBook) -> Figure | None:
    """An exercise's ``figure``; None when it has a problem (recorded in ``r``)."""
    before = len(r.problems)
    entries = r.mapping(node, path, FIGURE_FIELDS)
    values = r.fields({k: v for k, v in entries.items() if k in ("view", "cycle_s")}, path, FIGURE_FIELDS)
    used = FIGURE_KIND_FIELDS[kind]
    for name in ("rep", "hold", "loop"):
        if name in entries and name not in used:
            r.problem(entries[name], f"{path}.{name}", said("not used by a {kind} exercise", kind=kind.value))
    if kind is not Kind.ACTIVITY and used[0] not in entries:
        r.problem(
            node, f"{path}.{used[0]}", said("required field missing for a {kind} exercise", kind=kind.value)
        )
    read: dict[str, Any] = {}
    for name, value_node in entries.items():
        with contextlib.suppress(Abort):
            if name in ("start", "hold"):
                read[name] = _pose(r, value_node, f"{path}.{name}", book)
            elif name in ("rep", "loop"):
                read[name] = _poses(r, value_node, f"{path}.{name}", book)
    missing = any(v is None or (isinstance(v, tuple) and None in v) for v in read.values())
    if len(r.problems) > before or missing:  # missing: a broken pose of ``poses``, reported there
        return None
    return Figure(
        view=View(values.get("view", View.SIDE.value)),
        start=read["start"],
        rep=read.get("rep", ()),
        hold=read.get("hold"),
        loop=read.get("loop", ()),
        cycle_s=float(values.get("cycle_s", DEFAULT_CYCLE_S)),
    )
