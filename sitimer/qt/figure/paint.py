"""Paint a figure drawing with QPainter: thick rounded limbs, pictogram style.

The geometry comes from :mod:`sitimer.core.figure.skeleton`; this module only turns its shapes
into paint. The limbs of the far side are a shade darker than the near ones, and the working
side is in the accent colour, so "right knee across to the left" can be seen at a glance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from sitimer.core.figure.skeleton import Drawing, Part, Shape, View


@dataclass(frozen=True)
class Look:
    """The colours of a figure: its body, the far limbs, the working side, and the floor."""

    body: str
    far: str
    working: str
    working_far: str
    floor: str
    gap: str  # the background: a thin line of it parts a limb from what lies behind it


ON_DARK = Look(
    body="#E8ECF1", far="#9AA6B4", working="#F0B429", working_far="#B7862A", floor="#4A5563", gap="#16191D"
)
ON_LIGHT = Look(
    body="#2E3A48", far="#8B98A7", working="#D55E00", working_far="#E9A477", floor="#B9C2CC", gap="#FFFFFF"
)

Box = tuple[float, float, float, float]  # left, bottom, right, top in metres
Place = Callable[[float, float], QPointF]  # metres on the page -> a point in the widget


def paint_drawing(
    painter: QPainter,
    rect: QRectF,
    drawing: Drawing,
    box: Box,
    look: Look,
    highlight: Collection[str] = (),
) -> None:
    """Paint ``drawing`` scaled so that ``box`` (metres) fits ``rect``, centred, feet on the floor line.

    The limbs named in ``highlight`` ("arm_r", "leg_l": a frame's working limbs) are shown in
    the accent colour.
    """
    left, bottom, right, top = box
    scale = min(rect.width() / max(right - left, 1e-6), rect.height() / max(top - bottom, 1e-6))
    cx = rect.center().x() - (left + right) / 2 * scale
    base_y = rect.center().y() + (top + bottom) / 2 * scale

    def at(x: float, y: float) -> QPointF:
        return QPointF(cx + x * scale, base_y - y * scale)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_floor(painter, drawing, box, look, at, scale)
    gap = max(1.5, 0.018 * scale)
    gap_colour = QColor(look.floor if drawing.view is View.ABOVE else look.gap)  # what lies behind the body
    for shape in drawing.shapes:
        colour = QColor(_colour(shape, highlight, look, drawing))
        for fill, grow in ((gap_colour, gap), (colour, 0.0)):
            _paint_shape(painter, shape, at, scale, fill, grow)
            if shape.part is Part.HEAD:
                _paint_nose(painter, shape, drawing.face, at, scale, fill, grow)
    painter.restore()


def _paint_shape(
    painter: QPainter, shape: Shape, at: Place, scale: float, colour: QColor, grow: float
) -> None:
    """One shape, or (``grow`` > 0) its outline in the gap colour, ``grow`` pixels wider all round."""
    if shape.part is Part.HEAD:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = shape.radius * scale + grow
        painter.drawEllipse(at(*shape.points[0]), radius, radius)
        return
    width = 2 * shape.radius * scale + 2 * grow
    painter.setPen(
        QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    path = QPainterPath(at(*shape.points[0]))
    for point in shape.points[1:]:
        path.lineTo(at(*point))
    if shape.part is Part.TRUNK:
        path.closeSubpath()
        painter.setBrush(colour)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def _paint_nose(
    painter: QPainter,
    head: Shape,
    face: tuple[float, float],
    at: Place,
    scale: float,
    colour: QColor,
    grow: float,
) -> None:
    """A small nose where the face looks across the page, so a turned or lying head shows its way."""
    across = math.hypot(*face)
    if across < 0.3:  # looking at the viewer or away: no nose to see
        return
    (x, y), r = head.points[0], head.radius
    nose = at(x + face[0] / across * r * 0.92, y + face[1] / across * r * 0.92)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(nose, r * 0.3 * scale + grow, r * 0.3 * scale + grow)


def _colour(shape: Shape, highlight: Collection[str], look: Look, drawing: Drawing) -> str:
    if shape.side is None:
        return look.body
    far = _is_far(drawing, shape.side)
    if shape.limb in highlight:
        return look.working_far if far else look.working
    return look.far if far else look.body


def _is_far(drawing: Drawing, side: str) -> bool:
    """Whether ``side``'s limbs are the ones turned away from the viewer (seen from the side)."""
    if drawing.view is not View.SIDE:
        return False
    return side == "left"


def _paint_floor(painter: QPainter, drawing: Drawing, box: Box, look: Look, at: Place, scale: float) -> None:
    left, bottom, right, top = box
    pad = 0.08
    if drawing.view is View.ABOVE:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.floor))
        mat = QRectF(at(left - pad, top + pad), at(right + pad, bottom - pad))
        painter.drawRoundedRect(mat, 0.05 * scale, 0.05 * scale)
        return
    painter.setPen(
        QPen(QColor(look.floor), max(2.0, 0.02 * scale), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    )
    painter.drawLine(at(left - pad, -0.01), at(right + pad, -0.01))
