"""The SI-gewricht programme with figures written here (not read from the pose library, which may change)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sitimer.core.figure.pose import Base, Pose
from sitimer.core.figure.skeleton import View
from sitimer.core.figure.spec import Figure
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Programme

STAND = Pose.of(hip_abd_r=20, hip_abd_l=20)
WINDMILL = Pose.of(
    hip_abd_r=20, hip_abd_l=20, trunk_flex=100, trunk_twist=-45, shoulder_flex_r=105, shoulder_abd_l=150
)
LIE = Pose.of(Base.BACK, ankle_r=-30, ankle_l=-30)
KNEE_ACROSS = LIE.with_angles(hip_flex_r=90, hip_abd_r=-45, knee_r=100, shoulder_abd_r=90)
TURNED = STAND.with_angles(trunk_twist=55, shoulder_abd_r=55, shoulder_flex_l=70)
HIP_UP = LIE.with_angles(hip_hike=14)

FIGURES = {
    "molenwieken": Figure(View.FRONT, STAND, rep=(WINDMILL,)),
    "si-rekken": Figure(View.ABOVE, LIE, hold=KNEE_ACROSS),
    "roteren": Figure(View.FRONT, STAND, rep=(TURNED,)),
    "krachtoefening": Figure(View.ABOVE, LIE, rep=(HIP_UP,)),
}


def with_figures(programme: Programme, only: tuple[str, ...] | None = None) -> Programme:
    """The programme with the figures of FIGURES (only those named in ``only``), and no others."""
    exercises = tuple(
        replace(e, figure=FIGURES[e.id] if e.id in FIGURES and (only is None or e.id in only) else None)
        for e in programme.exercises
    )
    return replace(programme, exercises=exercises)


def si_with_figures(path: Path, only: tuple[str, ...] | None = None) -> Programme:
    """The programme file at ``path`` (SI-gewricht), loaded, with figures."""
    return with_figures(load_file(path), only)


def si_without_figures(path: Path) -> Programme:
    """The programme file at ``path``, loaded, with no figures at all."""
    return with_figures(load_file(path), only=())
