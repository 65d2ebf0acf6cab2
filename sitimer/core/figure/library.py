"""The shared pose library (``resources/poses.yaml``), and building a pose from written fields.

A pose is written as a mapping: ``like`` (another pose to start from), ``base`` (stand, back or
front) and joint angles in degrees. The same rules serve the library and a programme's own
poses; the programme loader adds the file and line to each problem.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import yaml

from sitimer.core.figure.pose import JOINTS, Base, Pose, angle_problem
from sitimer.core.paths import resources_dir
from sitimer.core.said import said

POSE_KEYS = ("like", "base", *JOINTS)


def pose_problems(fields: Mapping[str, Any], known: Mapping[str, Pose]) -> list[tuple[str, str]]:
    """What is wrong with a written pose: (field, message) pairs; none when it can be built."""
    problems: list[tuple[str, str]] = []
    for key, value in fields.items():
        if key == "like":
            if value not in known:
                problems.append((key, said("no pose named {name!r}", name=value)))
        elif key == "base":
            if value not in {b.value for b in Base}:
                problems.append((key, said("{base!r} is not a base; use stand, back or front", base=value)))
        elif key not in JOINTS:
            problems.append((key, said("no joint named {joint!r}", joint=key)))
        elif isinstance(value, bool) or not isinstance(value, int | float):
            problems.append((key, said("an angle is a number of degrees, not {value!r}", value=value)))
        elif message := angle_problem(key, float(value)):
            problems.append((key, message))
    return problems


def build_pose(fields: Mapping[str, Any], known: Mapping[str, Pose]) -> Pose:
    """The pose written in ``fields``; call :func:`pose_problems` first (this raises ValueError)."""
    if problems := pose_problems(fields, known):
        raise ValueError("; ".join(f"{k}: {m}" for k, m in problems))
    like = known[fields["like"]] if "like" in fields else Pose()
    base = Base(fields.get("base", like.base))
    angles = {k: float(v) for k, v in fields.items() if k in JOINTS}
    return Pose.of(base, **{**dict(like.angles), **angles})


def build_poses(written: Mapping[str, Mapping[str, Any]], known: Mapping[str, Pose]) -> dict[str, Pose]:
    """Build named poses that may be ``like`` each other, in any order; ValueError names the first bad one."""
    built = dict(known)
    waiting = dict(written)
    while waiting:
        ready = [n for n, f in waiting.items() if f.get("like") is None or f.get("like") in built]
        if not ready:
            name = next(iter(waiting))
            raise ValueError(
                f"{name}: like: no pose named {waiting[name].get('like')!r} (or a loop of likes)"
            )
        for name in ready:
            try:
                built[name] = build_pose(waiting.pop(name), built)
            except ValueError as e:
                raise ValueError(f"{name}: {e}") from None
    return {name: built[name] for name in written}


@functools.cache
def library() -> Mapping[str, Pose]:
    """The shared poses, by name."""
    with (resources_dir() / "poses.yaml").open(encoding="utf-8") as f:
        written = (
            yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        )  # libyaml: ~15x faster
    return build_poses({name: fields or {} for name, fields in written.items()}, {})
