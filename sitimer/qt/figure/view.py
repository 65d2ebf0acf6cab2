"""FigureView: one exercise's figure at one moment, painted from a cache of frames.

The frames of a session repeat (every rep goes through the same poses, a breath has a few
levels), so each painted frame is kept as a pixmap and the next time it is due it costs one
blit on the GUI thread, never the geometry and the paint again: the cues keep their timing.
The figure is scaled to one box for the whole exercise, so it does not jump between frames.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from sitimer.core.figure.box import Box, figure_box
from sitimer.core.figure.skeleton import draw
from sitimer.core.figure.spec import Figure
from sitimer.core.programme.model import Exercise, Side
from sitimer.core.session.figure import FigureFrame
from sitimer.qt.figure.paint import ON_DARK, Look, paint_drawing

CACHE_FRAMES = 256  # a few exercises' worth: one rep is 2-3 movements of 24 frames
CACHE_BYTES = 40 * 1024 * 1024  # and at most this much memory: both sides' reps at 300 × 300 pixels
MARGIN = 0.04  # of the widget's size, kept free around the figure (the floor line reaches out)


class FigureView(QWidget):
    """Shows one :class:`FigureFrame` of one exercise, scaled to fit, centred, aspect kept."""

    def __init__(self, lang: str = "en", look: Look = ON_DARK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.look = look
        self.renders = 0  # frames painted afresh rather than taken from the cache
        self._figure: Figure | None = None
        self._box: Box | None = None
        self._frame: FigureFrame | None = None
        self._cache: OrderedDict[Hashable, QPixmap] = OrderedDict()
        self._cache_bytes = 0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Figure"))

    @property
    def frame(self) -> FigureFrame | None:
        """The frame shown now."""
        return self._frame

    @property
    def cached_bytes(self) -> int:
        """The memory the kept frames take."""
        return self._cache_bytes

    @property
    def figure(self) -> Figure | None:
        """The figure of the exercise shown, if it has one."""
        return self._figure

    def set_exercise(self, exercise: Exercise | None) -> None:
        """Show ``exercise``'s figure from now on (no frame until :meth:`show_frame`)."""
        figure = exercise.figure if exercise is not None else None
        if figure != self._figure:
            self._figure = figure
            self._box = figure_box(figure) if figure is not None else None
            self._frame = None
            self.update()
        name = exercise.name.get(self.lang) if exercise is not None else ""
        self.setAccessibleName(self.tr("Figure doing {0}").format(name) if name else self.tr("Figure"))

    def show_frame(self, frame: FigureFrame | None) -> None:
        """Show ``frame``; the frame already shown costs nothing (no repaint)."""
        if frame == self._frame:
            return
        self._frame = frame
        if frame is not None and frame.working is not None:
            self.setAccessibleDescription(
                self.tr("Working side: {0}").format(
                    self.tr("right") if frame.working is Side.RIGHT else self.tr("left")
                )
            )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, 320)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._frame is None or self._figure is None or self._box is None:
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap(self._frame, self._figure, self._box))
        painter.end()

    def _pixmap(self, frame: FigureFrame, figure: Figure, box: Box) -> QPixmap:
        """The painted frame, from the cache when it has been painted at this size before."""
        ratio = self.devicePixelRatioF()
        key = (frame, figure.view, box, self.width(), self.height(), ratio, self.look)
        pixmap = self._cache.get(key)
        if pixmap is not None:
            self._cache.move_to_end(key)
            return pixmap
        pixmap = QPixmap(QSize(round(self.width() * ratio), round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        margin = MARGIN * min(self.width(), self.height())
        rect = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        drawing = draw(frame.pose, figure.view, frame.breath)
        paint_drawing(painter, rect, drawing, box, self.look, frame.highlight)
        painter.end()
        self.renders += 1
        self._cache[key] = pixmap
        self._cache_bytes += _bytes(pixmap)
        while len(self._cache) > CACHE_FRAMES or (self._cache_bytes > CACHE_BYTES and len(self._cache) > 1):
            self._cache_bytes -= _bytes(self._cache.popitem(last=False)[1])
        return pixmap


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)
