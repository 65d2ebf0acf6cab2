"""The reminder settings page: reminders on or off, the times per programme, quiet hours, start at
login, maintenance reminders.

Each programme gets a line of times ("09:00, 19:00") the patient may change; it starts with the
therapist's times from the programme, if any, and a button fills in the times suggested by the
prescription (2 × a day: morning and evening; 3-5 ×: spread over the day).

The view only shows and asks; :func:`settings_page` builds it from a ReminderService and
connects it, so what the patient changes is kept at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.reminders import autostart
from sitimer.core.reminders.rules import suggested_times
from sitimer.core.reminders.state import QuietHours, ReminderState, parse_hhmm, parse_times
from sitimer.qt.common import style
from sitimer.qt.common.scroll import scrolling
from sitimer.qt.common.translation import system_language
from sitimer.qt.reminders.service import ReminderService


@dataclass(frozen=True)
class ProgrammeLine:
    """One programme's reminders as the page lists them."""

    id: str
    title: str
    times: tuple[str, ...]  # "HH:MM": the patient's choice, else the therapist's
    maintenance: str | None  # "HH:MM" when on a maintenance schedule
    suggested: tuple[str, ...] = ()  # what the "Suggested times" button fills in


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class ReminderSettingsView(QWidget):
    """What the patient can change about reminders; every change is a signal."""

    enabled_changed = Signal(bool)
    quiet_changed = Signal(object)  # QuietHours
    autostart_changed = Signal(bool)
    maintenance_stopped = Signal(str)  # programme id
    times_changed = Signal(str, list)  # programme id, the times ("HH:MM"; empty: no reminders)
    back = Signal()

    def __init__(
        self,
        state: ReminderState,
        programmes: list[ProgrammeLine],
        *,
        autostart_on: bool,
        autostart_possible: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReminderSettingsView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_stylesheet())
        # The page scrolls in a window too small for it (large text: 1280×800 at 150 % is 853×533,
        # where the programmes' names were cut at their top and bottom); Back stays in sight.
        content = QWidget()
        content.setObjectName("content")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 28)
        outer.setSpacing(14)
        outer.addWidget(scrolling(content), 1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        title = QLabel(self.tr("Reminders"))
        title.setObjectName("title")
        layout.addWidget(title)

        self.time_fields: dict[str, QLineEdit] = {}
        self._problems: dict[str, str] = {}  # programme id: why its times were not taken
        self.enabled = QCheckBox(self.tr("Remind me at my programme's times"))
        self.enabled.setChecked(state.enabled)
        self.enabled.toggled.connect(self.enabled_changed)
        layout.addWidget(self.enabled)
        layout.addWidget(self._programmes(programmes))

        quiet = QHBoxLayout()
        quiet.addWidget(QLabel(self.tr("Quiet hours: no reminders from")))
        self.quiet_start = self._time_edit(state.quiet.start.strftime("%H:%M"))
        self.quiet_start.setAccessibleName(self.tr("Quiet hours from"))  # a screen reader's name for it
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel(self.tr("to")))
        self.quiet_end = self._time_edit(state.quiet.end.strftime("%H:%M"))
        self.quiet_end.setAccessibleName(self.tr("Quiet hours until"))
        quiet.addWidget(self.quiet_end)
        quiet.addStretch(1)
        layout.addLayout(quiet)
        hint = QLabel(self.tr("A reminder in the quiet hours waits until they end, if that is the same day."))
        hint.setProperty("secondary", True)
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.autostart = QCheckBox(self.tr("Start sitimer when I log in, so that reminders come"))
        self.autostart.setChecked(autostart_on)
        self.autostart.setEnabled(autostart_possible)
        self.autostart.toggled.connect(self.autostart_changed)
        layout.addWidget(self.autostart)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        if not autostart_possible:
            self.problem.setText(self.tr("Starting at login is not available on this system."))
        layout.addWidget(self.problem)
        layout.addStretch(1)

        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        row.addWidget(self.back_button)
        row.addStretch(1)
        outer.addLayout(row)

    def _time_edit(self, text: str) -> QTimeEdit:
        edit = QTimeEdit(QTime.fromString(text, "HH:mm"))
        edit.setDisplayFormat("HH:mm")
        edit.timeChanged.connect(self._quiet_edited)
        return edit

    def _programmes(self, programmes: list[ProgrammeLine]) -> QWidget:
        """A line per programme, in one grid so that the time fields and buttons line up."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(24, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        if not programmes:
            none = QLabel(self.tr("There is no programme to remind you of."))
            none.setProperty("secondary", True)
            grid.addWidget(none, 0, 0, 1, 3)
        for line, p in enumerate(programmes):
            if p.maintenance:
                text = self.tr("{0}: once a day at {1}, to keep the exercises up").format(
                    p.title, p.maintenance
                )
                label = QLabel(text)
                label.setWordWrap(True)
                grid.addWidget(label, line, 0, 1, 2)
                stop = QPushButton(self.tr("Stop these reminders"))
                stop.clicked.connect(
                    lambda _=False, pid=p.id, row=label, button=stop: self._stop(pid, row, button)
                )
                grid.addWidget(stop, line, 2)
                continue
            label = QLabel(self.tr("{0}, at:").format(p.title))
            label.setWordWrap(True)
            grid.addWidget(label, line, 0)
            field = QLineEdit(", ".join(p.times))
            field.setPlaceholderText(self.tr("no reminders"))
            field.setToolTip(self.tr("Times of day as HH:MM, separated by commas; empty for no reminders"))
            field.setMinimumWidth(260)
            field.editingFinished.connect(lambda pid=p.id, edit=field: self._times_edited(pid, edit))
            label.setBuddy(field)
            self.time_fields[p.id] = field
            grid.addWidget(field, line, 1)
            if p.suggested:
                suggest = QPushButton(self.tr("Suggested: {0}").format(", ".join(p.suggested)))
                suggest.clicked.connect(
                    lambda _=False, pid=p.id, edit=field, times=p.suggested: self._suggest(pid, edit, times)
                )
                grid.addWidget(suggest, line, 2)
        return box

    def _times_edited(self, programme_id: str, field: QLineEdit) -> None:
        times = parse_times(field.text())
        field.setProperty("bad", times is None)  # marked until it is a list of times
        field.style().polish(field)
        if times is None:
            self._problems[programme_id] = self.tr(
                "“{0}” is not a list of times; write them as 09:00, 19:00."
            ).format(field.text())
        else:
            self._problems.pop(programme_id, None)
            field.setText(", ".join(times))
            self.times_changed.emit(programme_id, times)
        self._show_problems()

    def _show_problems(self) -> None:
        """Every field not yet a list of times, and every time the quiet hours leave out."""
        quiet = self._quiet()
        lines = list(self._problems.values())
        for programme_id, field in self.time_fields.items():
            # what is wrong with a field, read by a screen reader on the field itself (it was only a
            # red label's text further down, which nothing read out)
            field.setAccessibleDescription(self._problems.get(programme_id, ""))
            if programme_id in self._problems:
                continue
            for at in parse_times(field.text()) or ():
                if quiet.silences(parse_hhmm(at)):
                    lines.append(
                        self.tr(
                            "{0} is in your quiet hours, which end the next day: no reminder comes then."
                        ).format(at)
                    )
        self.problem.setText("\n".join(lines))

    def _quiet(self) -> QuietHours:
        return QuietHours(_time(self.quiet_start.time()), _time(self.quiet_end.time()))

    def _suggest(self, programme_id: str, field: QLineEdit, times: tuple[str, ...]) -> None:
        field.setText(", ".join(times))
        self._times_edited(programme_id, field)

    def choose(self, programme_id: str, times: Sequence[str]) -> None:
        """The patient asked to choose the times of ``programme_id``: its field has the keyboard, with
        ``times`` in it if it was empty (kept, as "Yes" would have), all selected to be typed over."""
        field = self.time_fields.get(programme_id)
        if field is None:
            return
        if not field.text().strip():
            self._suggest(programme_id, field, tuple(times))
        field.selectAll()
        field.setFocus()
        # The window may get the keys back only later (the question's box closing): a line edit that
        # loses the keys loses its selection, so it is selected again once it has them.
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, watched.selectAll)
        return super().eventFilter(watched, event)

    def _stop(self, programme_id: str, label: QLabel, button: QPushButton) -> None:
        self.maintenance_stopped.emit(programme_id)
        label.setEnabled(False)
        button.setEnabled(False)

    def _quiet_edited(self) -> None:
        self.quiet_changed.emit(self._quiet())
        self._show_problems()

    def set_autostart(self, on: bool, error: str | None = None) -> None:
        """Show whether sitimer starts at login, and the system's error when it could not be changed."""
        self.autostart.blockSignals(True)
        self.autostart.setChecked(on)
        self.autostart.blockSignals(False)
        self.problem.setText(self.tr("Could not change it: {0}").format(error) if error else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back, as on the other pages (the questions, the check-in)."""
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
        else:
            super().keyPressEvent(event)


def settings_page(service: ReminderService, data_dir: Path) -> ReminderSettingsView:
    """The settings page for ``service``, connected: changes are kept at once."""
    state = service.load()
    lines = [
        ProgrammeLine(
            w.programme.id,
            w.programme.title.get(service.lang),
            service.times(w.programme, state),
            state.maintenance.get(w.programme.id),
            suggested_times(w.programme),
        )
        for w in service.watched()
    ]
    view = ReminderSettingsView(
        state,
        lines,
        autostart_on=autostart.is_enabled(),
        autostart_possible=autostart.entry_path() is not None,
    )
    view.enabled_changed.connect(service.set_enabled)
    view.quiet_changed.connect(service.set_quiet)
    view.maintenance_stopped.connect(service.stop_maintenance)
    view.times_changed.connect(service.set_times)

    def change_autostart(on: bool) -> None:
        try:
            if on:
                # the language only where the patient chose one other than the system's: else the
                # system's at login (it may change), not the one it had when the box was ticked
                chosen = service.lang if service.lang != system_language() else None
                autostart.enable(autostart.command(data_dir, lang=chosen))
            else:
                autostart.disable()
        except OSError as err:
            view.set_autostart(autostart.is_enabled(), str(err))
            return
        view.set_autostart(on)

    view.autostart_changed.connect(change_autostart)
    return view


def _stylesheet() -> str:
    return f"""
ReminderSettingsView, ReminderSettingsView QScrollArea, ReminderSettingsView QWidget#content {{
    background: {style.BACKGROUND};
}}
ReminderSettingsView QLabel, ReminderSettingsView QCheckBox {{ color: {style.TEXT}; font-size: 20px; }}
ReminderSettingsView QLabel#title {{ font-size: 34px; font-weight: bold; }}
ReminderSettingsView QLabel[secondary="true"] {{ color: {style.TEXT_MUTED}; font-size: 16px; }}
ReminderSettingsView QLabel#problem {{ color: {style.ERROR}; font-size: 16px; }}
ReminderSettingsView QLineEdit[bad="true"] {{ border: 2px solid {style.ERROR}; }}
ReminderSettingsView QCheckBox {{
    spacing: 12px; border: 3px solid transparent; border-radius: 6px; padding: 2px;
}}
ReminderSettingsView QCheckBox::indicator {{
    width: 22px; height: 22px; border: 2px solid {style.TEXT_MUTED}; border-radius: 5px;
    background: {style.SURFACE};
}}
ReminderSettingsView QCheckBox::indicator:checked {{
    background: {style.OKABE_ITO["bluish_green"]}; border-color: {style.OKABE_ITO["bluish_green"]};
}}
ReminderSettingsView QCheckBox:focus {{ color: {style.FOCUS}; border-color: {style.FOCUS}; }}
ReminderSettingsView QCheckBox::indicator:focus {{ border-color: {style.FOCUS}; }}
ReminderSettingsView QTimeEdit {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 6px; font-size: 20px; padding: 4px 8px;
}}
ReminderSettingsView QTimeEdit:focus {{ border: 3px solid {style.FOCUS}; }}
ReminderSettingsView QLineEdit {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 6px; font-size: 20px; padding: 4px 8px;
}}
ReminderSettingsView QLineEdit:focus {{ border: 3px solid {style.FOCUS}; }}
ReminderSettingsView QPushButton {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 10px; font-size: 18px; padding: 8px 20px;
}}
ReminderSettingsView QPushButton:focus {{ border: 3px solid {style.FOCUS}; }}
"""
