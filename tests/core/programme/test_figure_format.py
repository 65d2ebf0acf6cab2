"""Figures in the programme file: named and written poses become Pose values; every mistake is located.

A therapist names the key poses of an exercise (from the programme's own ``poses:`` or the
shared library) or writes them in place; ``sitimer validate`` points at an unknown pose, an
unknown joint, an angle no body can reach, a loop of ``like`` and key poses the kind does not use.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from sitimer.core.figure.library import library
from sitimer.core.figure.pose import JOINTS, Base, Pose
from sitimer.core.figure.skeleton import View
from sitimer.core.figure.spec import DEFAULT_CYCLE_S, Figure
from sitimer.core.programme.loader import load_text
from sitimer.core.programme.reader import ProgrammeError
from tests.conftest import REPO

HEAD = """\
id: demo
title: Demo
frequency:
  sessions_per_day: 2
"""

POSES = """\
poses:
  knee-hug:
    base: back
    hip_flex_r: 120
    knee_r: 130
  knee-hug-deep:
    like: knee-hug
    hip_flex_r: 135
"""

REPS = """\
  - id: knie-naar-borst
    name: Knie naar borst
    instructions: Pull the knee to the chest.
    kind: reps
    reps_per_side: 10
    sides: alternate
"""

HOLD = """\
  - id: si-rekken
    name: SI-rekken
    instructions: Hold the knee across.
    kind: hold
    hold_s: 30
    sides: each
"""

TIMED = """\
  - id: hakken
    name: Op de hakken lopen
    instructions: Walk on your heels.
    kind: timed
    duration_s: 60
"""


def programme_text(*exercises: str, poses: str = POSES) -> str:
    return HEAD + poses + "exercises:\n" + "".join(exercises)


def messages(text: str) -> list[str]:
    """Each problem as ``LINE: path: message``, as ``sitimer validate`` prints it after the file name."""
    with pytest.raises(ProgrammeError) as caught:
        load_text(text, "my.yaml")
    return [f"{p.line}: {p.path}: {p.message}" for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_figure_of_library_names_own_names_and_written_angles_loads_as_poses() -> None:
    text = programme_text(
        REPS
        + """\
    figure:
      view: side
      start: knee-hug
      rep: [knee-hug-deep, {like: stand, base: back, hip_flex_r: 90, knee_r: 90}]
"""
    )
    figure = load_text(text).exercises[0].figure
    hug = Pose.of(Base.BACK, hip_flex_r=120, knee_r=130)
    assert figure == Figure(
        view=View.SIDE,
        start=hug,
        rep=(hug.with_angles(hip_flex_r=135), Pose.of(Base.BACK, hip_flex_r=90, knee_r=90)),
    )
    assert figure.cycle_s == DEFAULT_CYCLE_S


def test_a_hold_takes_its_pose_and_a_timed_bout_its_loop_and_cycle() -> None:
    text = programme_text(
        HOLD
        + """\
    figure: {view: front, start: stand, hold: knee-hug}
""",
        TIMED
        + """\
    figure:
      view: above
      start: stand
      loop: [stand, {ankle_r: 20, ankle_l: 20}]
      cycle_s: 0.8
""",
    )
    hold, timed = (e.figure for e in load_text(text).exercises)
    assert hold == Figure(View.FRONT, Pose(), hold=Pose.of(Base.BACK, hip_flex_r=120, knee_r=130))
    assert timed == Figure(View.ABOVE, Pose(), loop=(Pose(), Pose.of(ankle_r=20, ankle_l=20)), cycle_s=0.8)


def test_an_activity_may_leave_out_its_loop_and_an_exercise_its_figure() -> None:
    activity = """\
  - id: wandelen
    name: Wandelen
    instructions: Walk half an hour.
    kind: activity
    figure: {start: stand}
"""
    exercises = load_text(programme_text(activity, REPS)).exercises
    assert exercises[0].figure == Figure(View.SIDE, Pose())
    assert exercises[1].figure is None


def test_an_unknown_pose_is_named_with_the_nearest_one_and_its_line() -> None:
    text = programme_text(REPS + "    figure:\n      start: stand\n      rep: [knee-hugg]\n")
    assert messages(text) == [
        f"{line_of(text, '[knee-hugg]')}: exercises[0].figure.rep[0]:"
        " no pose named 'knee-hugg' (did you mean 'knee-hug'?)"
    ]


def test_an_impossible_angle_gives_the_joints_range() -> None:
    text = programme_text(REPS, poses="poses:\n  bent-back:\n    knee_r: 170\n")
    assert messages(text) == [
        f"{line_of(text, '170')}: poses.bent-back.knee_r:"
        " 170° is beyond what a body can do: knee_r goes from 0 to 155°"
    ]


def test_an_unknown_joint_or_base_in_a_written_pose_is_located() -> None:
    figure = "    figure:\n      start: {base: side, kne_r: 90}\n      rep: [stand]\n"
    text = programme_text(REPS + figure)
    row = line_of(text, "{base: side")
    assert messages(text) == [
        f"{row}: exercises[0].figure.start.base: 'side' is not a base; use stand, back or front",
        f"{row}: exercises[0].figure.start.kne_r: no joint named 'kne_r' (did you mean 'knee_r'?)",
    ]


def test_a_loop_of_likes_is_refused_where_each_like_is_written() -> None:
    poses = "poses:\n  a:\n    like: b\n  b:\n    like: a\n"
    text = programme_text(REPS, poses=poses)
    assert messages(text) == [
        f"{line_of(text, 'like: b')}: poses.a.like: a loop of likes (a -> b -> a);"
        " one of them must start from a pose of its own",
        f"{line_of(text, 'like: a')}: poses.b.like: a loop of likes (b -> a -> b);"
        " one of them must start from a pose of its own",
    ]


def test_a_figure_naming_a_broken_pose_is_not_reported_twice() -> None:
    poses = "poses:\n  bent-back:\n    knee_r: -10\n"
    text = programme_text(REPS + "    figure: {start: stand, rep: [bent-back]}\n", poses=poses)
    assert [m.split(": ", 2)[1] for m in messages(text)] == ["poses.bent-back.knee_r"]


@pytest.mark.parametrize(
    ("exercise", "figure", "expected"),
    [
        (REPS, "{start: stand, hold: stand}", ["figure.hold: not used by a reps exercise",
                                              "figure.rep: required field missing for a reps exercise"]),
        (HOLD, "{start: stand, rep: [stand]}", ["figure.rep: not used by a hold exercise",
                                               "figure.hold: required field missing for a hold exercise"]),
        (TIMED, "{start: stand}", ["figure.loop: required field missing for a timed exercise"]),
        (REPS, "{start: stand, rep: []}", ["figure.rep: give at least one pose"]),
        (REPS, "{rep: [stand]}", ["figure.start: required field missing"]),
        (REPS, "{start: stand, rep: [stand], view: fron}",
         ["figure.view: 'fron' is not one of side, front, above (did you mean 'front'?)"]),
        (REPS, "{start: stand, rep: [stand], cycle_s: 0}", ["figure.cycle_s: must be more than 0, found 0"]),
        (REPS, "{start: stand, rep: [stand], speed: 2}",
         ["figure.speed: unknown field"]),
        (REPS, "{start: 3, rep: [stand]}",
         ["figure.start: expected a pose name or a pose (like, base, angles), found 3"]),
    ],
)  # fmt: skip
def test_key_poses_must_fit_the_kind(exercise: str, figure: str, expected: list[str]) -> None:
    text = programme_text(exercise + f"    figure: {figure}\n")
    row = line_of(text, "    figure:")
    assert messages(text) == [f"{row}: exercises[0].{m}" for m in expected]


def test_a_programme_pose_needs_a_plain_name() -> None:
    text = programme_text(REPS, poses="poses:\n  Knee Hug:\n    knee_r: 90\n")
    assert messages(text) == [
        f"{line_of(text, 'knee_r: 90')}: poses.Knee Hug:"
        " 'Knee Hug' is not a pose name: use lowercase letters, digits and dashes"
    ]


DOCS = (REPO / "docs" / "programme-format.md").read_text(encoding="utf-8")


def test_the_format_docs_give_every_joint_with_its_range() -> None:
    for name, joint in JOINTS.items():
        if name.endswith("_l"):
            continue  # in the row of its right side
        shown = f"`{name}`, `_l`" if joint.mirror else f"`{name}`"
        span = f"{joint.low:g} to {joint.high:g}".replace("-", "−")
        assert f"| {shown} | {span} |" in DOCS, name


def test_every_library_pose_the_docs_name_is_in_the_library() -> None:
    table = DOCS[DOCS.index("| Standing and walking |") :].split("\n\n", 1)[0]
    named = re.findall(r"`([a-z0-9-]+)`", table)
    assert named and set(named) <= set(library())


def schema_errors(text: str) -> list[str]:
    schema = json.loads((REPO / "resources" / "programme.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [e.message for e in validator.iter_errors(yaml.safe_load(text))]


def test_editors_check_figures_and_media_with_the_schema() -> None:
    good = programme_text(
        REPS + "    figure:\n      view: front\n      start: stand\n      rep: [knee-hug, {base: back}]\n",
        HOLD + "    media: foto/si-rekken.jpg\n",
    )
    assert schema_errors(good) == []
    for wrong in (
        good.replace("knee_r: 130", "knee_r: 170"),  # beyond the joint's range
        good.replace("knee_r: 130", "kne_r: 130"),  # no such joint
        good.replace("view: front", "view: fron"),
        good.replace("foto/si-rekken.jpg", "../si-rekken.jpg"),
        good.replace("foto/si-rekken.jpg", "si-rekken.gif"),
    ):
        assert schema_errors(wrong), wrong
