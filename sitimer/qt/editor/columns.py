"""The editor's columns: three side by side where the window has room, two where it has not.

Three: the exercises, the chosen exercise's form, the programme's form over the checks. On a
narrower window (Dutch at 1024 pixels) the programme's form and the checks go under the
exercises, so nothing is cut off or has to be scrolled to sideways.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QScrollArea, QStyle, QWidget


class Columns(QGridLayout):
    """The four parts of the editor, laid out in three columns or two (:meth:`fit`)."""

    def __init__(self, exercises: QWidget, form: QWidget, programme: QWidget, checks: QWidget) -> None:
        super().__init__()
        self.parts = (exercises, form, programme, checks)
        self.narrow: bool | None = None
        self._need = 0  # the most width three columns have needed yet
        self._arrange(narrow=False)

    def fit(self, window: QWidget, width: int, margins: int) -> None:
        """Three columns when ``width`` (the window's, ``margins`` of it around the columns) has room
        for them, else two. The room asked is the most the columns have needed yet (an exercise of
        reps needs a wider form than a walk), so clicking through the exercises does not move the
        programme's column to and fro; and room for a scroll bar is kept, so a page as high as the
        window cannot either."""
        exercises, form, programme, checks = (_inner(part).minimumSizeHint().width() for part in self.parts)
        need = exercises + form + max(programme, checks) + 2 * self.horizontalSpacing() + margins
        self._need = max(self._need, need)
        bar = window.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._arrange(narrow=width - bar < self._need)

    def _arrange(self, narrow: bool) -> None:
        if narrow == self.narrow:
            return
        self.narrow = narrow
        exercises, form, programme, checks = self.parts
        for part in self.parts:
            self.removeWidget(part)
        if narrow:
            self.addWidget(exercises, 0, 0)
            self.addWidget(programme, 1, 0)
            self.addWidget(checks, 2, 0)
            self.addWidget(form, 0, 1, 3, 1)
            stretches = ((4, 5, 0), (4, 0, 1))  # columns, rows
        else:
            self.addWidget(exercises, 0, 0, 3, 1)
            self.addWidget(form, 0, 1, 3, 1)
            self.addWidget(programme, 0, 2)
            self.addWidget(checks, 1, 2, 2, 1)
            stretches = ((3, 5, 4), (0, 1, 0))
        for i, (column, row) in enumerate(zip(*stretches, strict=True)):
            self.setColumnStretch(i, column)
            self.setRowStretch(i, row)


def _inner(part: QWidget) -> QWidget:
    """What a part needs room for: a scroll area's content (the area itself would shrink to nothing)."""
    content = part.widget() if isinstance(part, QScrollArea) else None
    return content if content is not None else part
