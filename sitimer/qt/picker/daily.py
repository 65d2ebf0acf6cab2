"""DailyActivities: a programme's daily activity (a walk, a ride), apart from its sessions.

The leaflet asks for it every day, with no count or time ("n.v.t."), so it is no step of
a session and adds nothing to a session's length. The patient ticks it off for today; the
tick is kept in the history (by programme, exercise and local day) and shown again when the
picker opens the same day. A window left open overnight shows the new day's ticks (none yet)
once the picker sees the day turn (:meth:`catch_up`). In the treatment room (or with no
history to keep it in) the activity is named only, without a box to tick.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from sitimer.core.notices import say
from sitimer.core.programme.model import Exercise, Programme
from sitimer.core.programme.plan import build_plan

if TYPE_CHECKING:  # the history is opened only when there is one to read or a box is ticked
    from sitimer.core.history.store import HistoryStore


class DailyActivities(QWidget):
    """The selected programme's daily activities, each with a box the patient ticks off for today."""

    def __init__(
        self, data_dir: Path, lang: str, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lang = lang
        self.open_store: Callable[[], HistoryStore] | None = None  # None: name them, no box to tick
        self.today = today  # the patient's local day, as the picker has it
        self.caption = QLabel(self.tr("Every day, apart from the sessions:"), self)
        self.caption.setObjectName("daily_caption")
        self.caption.setWordWrap(True)
        self.hint = QLabel(self.tr("Tick it off once you have done it today."), self)
        self.hint.setProperty("secondary", True)
        self.hint.setWordWrap(True)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.caption)
        self._column.addWidget(self.hint)
        self.kept_label = QLabel(self)  # a tick kept aside while the history could not take it
        self.kept_label.setProperty("secondary", True)
        self.kept_label.setWordWrap(True)
        self.kept_label.hide()
        self._column.addWidget(self.kept_label)
        # (programme, exercise, day): ticked or not, and the side file that keeps it
        self._kept: dict[tuple[str, str, date], tuple[bool, Path]] = {}
        self._programme_id = ""
        self._day: date | None = None  # the day the boxes show the ticks of
        self.boxes: dict[str, QCheckBox] = {}  # by exercise id
        self.names: list[QLabel] = []
        self._text_px = 0  # 0: the font as it comes

    def set_text_px(self, px: int) -> None:
        """Size the text as the picker's body text (the hint a little smaller), now and for boxes to come."""
        self._text_px = px
        for widget in (self.caption, *self.boxes.values(), *self.names):
            self._sized(widget)
        self._sized(self.hint, 0.85)

    def _sized(self, widget: QWidget, factor: float = 1.0) -> None:
        if self._text_px:
            font = QFont(widget.font())
            font.setPixelSize(max(10, round(self._text_px * factor)))
            widget.setFont(font)

    def show_programme(self, programme: Programme | None) -> None:
        """Show this programme's daily activities, ticked as the history has them for today."""
        for widget in [*self.boxes.values(), *self.names]:
            self._column.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.boxes, self.names = {}, []
        activities = build_plan(programme).daily_activities if programme else ()
        self.setVisible(bool(activities))
        if programme is None or not activities:
            return
        self._programme_id = programme.id
        self._day = self.today()
        self.kept_label.setVisible(any(key[0] == programme.id for key in self._kept))  # its own ticks'
        done = self._done_today()
        for exercise in activities:
            self._add(exercise, done)
        self.hint.setVisible(bool(self.boxes))

    def catch_up(self) -> None:
        """Once the day has turned, show the new day's ticks (the history's, as on a new start)."""
        if self.boxes and self._day is not None and self.today() != self._day:
            self._day = self.today()
            done = self._done_today() or set()
            for exercise_id, box in self.boxes.items():
                box.blockSignals(True)
                box.setChecked(exercise_id in done)
                box.blockSignals(False)

    def _add(self, exercise: Exercise, done: set[str] | None) -> None:
        name = exercise.name.get(self.lang)
        if done is None:
            label = QLabel(name, self)
            label.setWordWrap(True)
            self._sized(label)
            self.names.append(label)
            self._column.insertWidget(self._column.count() - 2, label)
            return
        box = QCheckBox(name, self)
        box.setAccessibleName(self.tr("{0}: done today").format(name))
        box.setChecked(exercise.id in done)
        box.toggled.connect(lambda on, e=exercise.id: self._tick(e, on))
        self._sized(box)
        self.boxes[exercise.id] = box
        self._column.insertWidget(self._column.count() - 2, box)

    def _done_today(self) -> set[str] | None:
        """The activities ticked off today; None when there is no history to tick them in."""
        if self.open_store is None:
            return None
        if not (self.data_dir / "history.db").exists():
            return set()  # nothing ticked yet: no history made for it until something is
        from sitimer.core.history.errors import HistoryError

        try:
            done = set(self.open_store().activities_done(self._programme_id, self.today()))
        except HistoryError as err:
            say(str(err))
            return None
        for (programme_id, exercise_id, day), (on, _) in self._kept.items():  # kept aside, not added yet
            if (programme_id, day) == (self._programme_id, self.today()):
                (done.add if on else done.discard)(exercise_id)
        return done

    def _tick(self, exercise_id: str, on: bool) -> None:
        assert self.open_store is not None
        from sitimer.core.history.errors import HistoryError

        try:
            store = self.open_store()
            if on:
                store.tick_activity(self._programme_id, exercise_id, self.today())
            else:
                store.untick_activity(self._programme_id, exercise_id, self.today())
        except HistoryError as err:
            say(str(err))
            self._keep_aside(exercise_id, on)
            return
        # in the history now: a tick kept aside for the same box before is outdone, and goes (added
        # at the next start, after this, it would undo it)
        earlier = self._kept.pop((self._programme_id, exercise_id, self.today()), None)
        if earlier is not None:
            earlier[1].unlink(missing_ok=True)
            self.kept_label.setVisible(any(key[0] == self._programme_id for key in self._kept))

    def _keep_aside(self, exercise_id: str, on: bool) -> None:
        """The history is busy (another program holds it) or cannot be written: the tick goes into a
        side file that the next opening of the history adds, as a session's writes do. It was lost,
        the box unticked again and a line on the terminal alone. Where no side file can be made
        either, the box says what the history holds."""
        from sitimer.core.history.journal import Journal

        day = self.today()
        kept = Journal(self.data_dir / "history.db")
        kept.add(
            [
                {
                    "op": "tick" if on else "untick",
                    "programme": self._programme_id,
                    "exercise": exercise_id,
                    "day": day.isoformat(),
                }
            ]
        )
        kept.close()
        if kept.path is not None:
            earlier = self._kept.get((self._programme_id, exercise_id, day))
            if earlier is not None:
                earlier[1].unlink(missing_ok=True)  # the later one holds what the box shows
            self._kept[(self._programme_id, exercise_id, day)] = (on, kept.path)
            self.kept_label.setText(
                self.tr("The history is in use or cannot be written just now: kept, and added to it later.")
            )
        else:
            box = self.boxes[exercise_id]
            box.blockSignals(True)
            box.setChecked(not on)
            box.blockSignals(False)
            self.kept_label.setText(self.tr("Not kept: the history cannot be written just now."))
        self.kept_label.show()
