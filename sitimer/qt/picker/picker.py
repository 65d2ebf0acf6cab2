"""ProgrammePicker: choose a programme and see what it asks of you before starting.

Lists the bundled programmes, the patient's own folder (:mod:`sitimer.core.programme.catalogue`)
and files opened by hand; for the selected one it shows how often a day and when the review is,
the session's length and the time it takes a day, each exercise with its dose (and the card's
number where the leaflet numbers it otherwise) and beside them an exercise's figure doing it (the
first; hovering or clicking a name shows that one), the daily activity apart from the sessions with
a box to tick it off for today, and the phases still switched off. A file that does not load
shows its problems instead of an exercise list.

A patient at home who has done the programme lately also sees their day at a glance: today's
sessions of the day's minimum and the days kept in a row, from the history ("Today: 1 of 2 ·
5 days in a row"), so the second session of the day is neither forgotten nor done twice. A
window left open overnight shows the new day once the picker sees the day turn: at local
midnight, and whenever it is shown or its window activated again (a computer that slept through
midnight, whose timers stood still).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QFont, QGuiApplication, QHideEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.paths import user_programmes_dir
from sitimer.core.programme.catalogue import ProgrammeFile
from sitimer.core.programme.plan import build_plan
from sitimer.qt.common import dose_text, style
from sitimer.qt.common.names import name_as_shown
from sitimer.qt.common.problem_text import problem_lines
from sitimer.qt.common.scroll import scrolling
from sitimer.qt.picker.daily import DailyActivities
from sitimer.qt.picker.day_line import day_line
from sitimer.qt.picker.preview import ExercisePreview
from sitimer.qt.picker.programme_list import ProgrammeList
from sitimer.qt.picker.summary import exercises_html, summary

if TYPE_CHECKING:
    from sitimer.core.history.rows import LastStarted
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.programme.model import Programme


class ProgrammePicker(QWidget):
    """The list of programmes and the selected one's details; Enter or double-click starts it."""

    start_requested = Signal(Path)
    progress_requested = Signal(Path)  # the patient's history of the selected programme
    handout_requested = Signal(Path)  # the therapist prints the selected programme
    save_requested = Signal(Path)  # the therapist hands over the programme file
    reminders_requested = Signal()  # the patient's reminder settings
    edit_requested = Signal(Path)  # the therapist tailors the programme for this patient

    def __init__(
        self, *, data_dir: Path, lang: str, therapist: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lang = lang
        self.therapist = therapist  # the treatment room: handout and programme file, no progress
        self.today: Callable[[], date] = date.today  # the patient's local day
        self._open_store: Callable[[], HistoryStore] | None = None  # None: no day at a glance
        self._day: date | None = None  # the day shown (today's sessions, the daily activity's ticks)
        self.midnight = QTimer(self)  # the day shown again once it turns, while the picker is shown
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self.catch_up)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # the patient comes back to sitimer from another program
            app.applicationStateChanged.connect(self._came_back)
        self.setObjectName("ProgrammePicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(style.picker_stylesheet())
        self._build()
        self.reload()

    # -- building ----------------------------------------------------------
    def _label(self, name: str, **props: bool) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for prop, value in props.items():
            label.setProperty(prop, value)
        return label

    def _build(self) -> None:
        self.heading = self._label("heading")
        self.heading.setText(self.tr("Choose your programme"))
        left = self._build_list()
        scroll = self._build_details()
        detail = QFrame(self)
        detail.setObjectName("detail")
        right = QVBoxLayout(detail)
        right.addWidget(scroll, 1)
        right.addLayout(self._build_actions())
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(detail, 3)
        self._root = QVBoxLayout(self)
        self._root.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)  # fonts follow the size
        self._root.addWidget(self.heading)
        self._root.addLayout(body, 1)
        QWidget.setTabOrder(self.list, self.details)
        QWidget.setTabOrder(self.details, self.start_button)
        QWidget.setTabOrder(self.start_button, self.progress_button)
        QWidget.setTabOrder(self.progress_button, self.open_button)

    def _build_list(self) -> QVBoxLayout:
        self.list = ProgrammeList(self.data_dir, self.lang, self)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        # Enter reaches keyPressEvent; not `itemActivated`, which some desktops fire on one click.
        self.list.itemDoubleClicked.connect(lambda *_: self.start_selected())
        self.open_button = QPushButton(self.tr("Open file…"), self)
        name_as_shown(self.open_button, self.tr("Open a programme file"))
        self.open_button.clicked.connect(self.open_file)
        self.open_button.setAutoDefault(True)  # Enter on the focused button opens, not starts
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.open_button)
        return left

    def _build_details(self) -> QScrollArea:
        self.title_label = self._label("title")
        self.title_label.setAccessibleDescription(self.tr("Programme"))  # the name: the title shown
        self.meta_label = self._label("meta", secondary=True)
        self.daily_total_label = self._label("daily_total", secondary=True)
        self.daily_total_label.setAccessibleDescription(self.tr("Time it takes a day"))
        self.today_label = self._label("today_line")
        self.today_label.setAccessibleDescription(self.tr("Your sessions today"))
        self.description_label = self._label("description", secondary=True)
        self.exercises_label = self._label("exercises")
        self.exercises_label.setTextFormat(Qt.TextFormat.RichText)
        self.exercises_label.setAccessibleDescription(self.tr("Exercises and their doses"))
        self.exercises_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.exercises_label.linkHovered.connect(self._show_link)
        self.exercises_label.linkActivated.connect(self._choose_link)
        self.preview = ExercisePreview(self.lang, parent=self)
        self._chosen: str | None = None  # the exercise clicked, shown when the pointer leaves a name
        self.daily = DailyActivities(self.data_dir, self.lang, lambda: self.today(), self)
        self.off_label = self._label("off", off=True)
        self.problems_label = self._label("problems", problem=True)
        self.problems_label.setAccessibleDescription(self.tr("Why this file cannot be used"))
        # The figure beside the daily activity, the exercises and the phases off: their lines are short.
        # The day's tick first, as the leaflet numbers the walk 1: below ten exercises (a phase
        # switched on) it was out of sight at 1280×720.
        self._beside = QGridLayout()
        self._beside.setContentsMargins(0, 0, 0, 0)
        for row, widget in enumerate((self.daily, self.exercises_label, self.off_label)):
            self._beside.addWidget(widget, row, 0, Qt.AlignmentFlag.AlignTop)
        self._beside.addWidget(self.preview, 0, 1, 3, 1, Qt.AlignmentFlag.AlignTop)
        self._beside.setColumnStretch(0, 1)
        self._beside.setRowStretch(2, 1)
        content = QWidget()
        self._column = QVBoxLayout(content)
        for label in (self.title_label, self.meta_label, self.daily_total_label, self.today_label):
            self._column.addWidget(label)
        self._column.addLayout(self._beside)
        for label in (self.problems_label, self.description_label):
            self._column.addWidget(label)
        self._column.addStretch(1)
        area = scrolling(content, self)
        # A Tab stop, so the keyboard can scroll a long description (SI-blokkade's was cut off at
        # "Oefening 5 tot en…" for anyone without a mouse); its frame shows when it has the keys.
        area.setObjectName("details")
        area.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        area.setAccessibleName(self.tr("Programme details"))
        self.details = area
        return area

    def _button(
        self, text: str, accessible: str, action: Callable[[], object] | SignalInstance
    ) -> QPushButton:
        button = QPushButton(text, self)
        name_as_shown(button, accessible)  # "Start", as voice control says it
        button.clicked.connect(action)
        return button

    def _build_actions(self) -> QVBoxLayout:
        self.start_button = self._button(
            self.tr("Start  ▶"), self.tr("Start this programme"), self.start_selected
        )
        self.start_button.setObjectName("primary")
        self.start_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.start_hint = self._label("start_hint", secondary=True)
        self.start_hint.setText(self.tr("or press Enter"))
        self.start_hint.setWordWrap(False)
        self.progress_button = self._button(
            self.tr("Your progress"),
            self.tr("Your progress with this programme"),
            self._selected_to(self.progress_requested),
        )
        self.handout_button = self._button(
            self.tr("Handout (PDF)…"),
            self.tr("Print or save the programme for the patient"),
            self._selected_to(self.handout_requested),
        )
        self.save_button = self._button(
            self.tr("Save programme file…"),
            self.tr("Save the programme file to hand over"),
            self._selected_to(self.save_requested),
        )
        self.edit_button = self._button(
            self.tr("Edit…"),
            self.tr("Tailor this programme for the patient"),
            self._selected_to(self.edit_requested),
        )
        self.reminders_button = self._button(
            self.tr("Reminders…"), self.tr("When sitimer reminds you"), self.reminders_requested
        )
        self.progress_button.setVisible(not self.therapist)
        self.reminders_button.setVisible(not self.therapist)
        # The therapist's tools; a patient at home follows the prescription as given.
        for button in (self.edit_button, self.handout_button, self.save_button):
            button.setVisible(self.therapist)
        self._actions = (
            self.progress_button,
            self.reminders_button,
            self.edit_button,
            self.handout_button,
            self.save_button,
        )
        row = QHBoxLayout()
        # Three tools and Start on one row left the list no room (in Dutch); three tools on one row
        # did not fit at 125 % on 1024×768 ("Programmabestand opslaan…" cut): the file goes with Start.
        second = (self.save_button,) if self.therapist else ()
        for button in self._actions:
            if button not in second:
                row.addWidget(button)
        row.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(row)
        if self.therapist:
            row = QHBoxLayout()
            for button in second:
                row.addWidget(button)
            row.addStretch(1)
            rows.addLayout(row)
        row.addWidget(self.start_hint)
        row.addWidget(self.start_button)
        return rows

    # -- the list ----------------------------------------------------------
    def reload(self) -> None:
        """Read the folders again and rebuild the list, keeping the selection."""
        self.list.reload()
        self._show_selected()

    def use_history(self, open_store: Callable[[], HistoryStore]) -> None:
        """The patient's history: their day at a glance and the ticks of a daily activity (not in the
        treatment room)."""
        if not self.therapist:
            self.daily.open_store = self._open_store = open_store
            self._show_selected()

    def prefer_done(self, sessions: Iterable[LastStarted]) -> None:
        """When each programme was last started: the first choice follows them."""
        self.list.prefer_done(sessions)

    def select(self, path: Path) -> None:
        """Select a programme file, adding it under "Opened" when it is in neither folder."""
        self.list.select(path)
        self._show_selected()

    def kept(self, opened: Path, copy: Path) -> None:
        """A programme opened from elsewhere now has its copy among the patient's own: listed there."""
        self.list.kept(opened, copy)
        self._show_selected()

    def refresh_file(self, path: Path) -> None:
        """Read one programme file again (the editor just saved it) and select it."""
        self.list.refresh(path)
        self._show_selected()

    def _selected_to(self, signal: SignalInstance) -> Callable[[], None]:
        """What a button does that hands the selected programme file to ``signal``."""

        def emit() -> None:
            path = self.selected_path()
            if path is not None:
                signal.emit(path)

        return emit

    def selected_path(self) -> Path | None:
        """The selected programme file, if any."""
        return self.list.selected_path()

    def selected_entry(self) -> ProgrammeFile | None:
        """The selected programme as loaded, if any."""
        return self.list.selected_entry()

    def start_selected(self) -> None:
        """Ask to start the selected programme, when it loaded."""
        entry = self.selected_entry()
        if entry is not None and entry.programme is not None and entry.programme.has_session():
            self.start_requested.emit(entry.path)

    def open_file(self) -> None:
        """Pick a programme file anywhere on disk."""
        start = user_programmes_dir(self.data_dir)
        from sitimer.qt.common.files import open_file_name

        chosen = open_file_name(
            self,
            self.tr("Open a programme"),
            start if start.is_dir() else Path.home(),
            self.tr("Programmes (*.yaml *.yml);;All files (*)"),
        )
        if chosen is not None:
            self.select(chosen)
            self.list.setFocus()  # the programme just opened is chosen: Enter starts it

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and focused.isEnabled():
                focused.animateClick()  # Enter on "Your progress" started a session (a button has no
            else:  # default outside a dialog, so its Enter came here)
                self.start_selected()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the details -------------------------------------------------------
    def _show_selected(self) -> None:
        entry = self.selected_entry()
        programme = entry.programme if entry else None
        session = programme is not None and programme.has_session()
        self.start_button.setEnabled(session)
        # daily activities alone: ticked off below, no session to start (it would end as it began)
        self.start_hint.setText(self.tr("or press Enter") if session else self.tr("Daily activities only"))
        for button in (self.progress_button, self.edit_button, self.handout_button, self.save_button):
            button.setEnabled(programme is not None)
        self.start_hint.setVisible(programme is not None)
        self.description_label.setVisible(False)
        self.off_label.setVisible(False)
        self.problems_label.setVisible(False)
        self.exercises_label.setVisible(programme is not None)
        self.meta_label.setVisible(entry is not None)
        self.daily_total_label.setVisible(programme is not None)
        self._day = self.today()
        self._show_today(programme)
        self.daily.show_programme(programme)
        self._chosen = None
        self.preview.show_programme(programme)
        if entry is None:
            self.title_label.setText(self.tr("No programme selected"))
            return
        if programme is None:
            self.title_label.setText(entry.path.name)
            self.meta_label.setText(
                self.tr("This file cannot be used. Ask your therapist for a corrected file.")
            )
            self.problems_label.setText(problem_lines(entry.problems))
            self.problems_label.setVisible(True)
            return
        self.title_label.setText(self.list.title(entry))
        self.meta_label.setText(summary(programme))
        plan = build_plan(programme)
        self.daily_total_label.setText(dose_text.daily_total_text(plan, self.lang) if plan.exercises else "")
        self.daily_total_label.setVisible(bool(plan.exercises))
        self.exercises_label.setText(exercises_html(programme, self.lang))
        off = dose_text.off_lines(programme, self.lang)
        self.off_label.setText("\n".join(off))
        self.off_label.setVisible(bool(off))
        if programme.description:
            self.description_label.setText(programme.description.get(self.lang))
            self.description_label.setVisible(True)

    def _show_today(self, programme: Programme | None) -> None:
        """Today's sessions and the days kept in a row, once the patient has done this programme lately."""
        line = None
        if programme is not None and self._open_store is not None:
            line = day_line(self.data_dir, self._open_store, programme, self.today())
        self.today_label.setText(line or "")
        self.today_label.setVisible(line is not None)

    def catch_up(self) -> None:
        """Once the day has turned, show the new day: today's sessions (none yet) and the ticks."""
        if self._day is not None and self.today() != self._day:
            self._day = self.today()
            entry = self.selected_entry()
            self._show_today(entry.programme if entry else None)
            self.daily.catch_up()
        self._wait_for_midnight()

    def _wait_for_midnight(self) -> None:
        """Wake at the next local midnight while shown; a moment after, so the day has turned."""
        if not self.isVisible():
            self.midnight.stop()
            return
        now = datetime.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), time())
        self.midnight.start(int((midnight - now).total_seconds() * 1000) + 1000)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()
        self._read_again()

    def _read_again(self) -> None:
        """The list read again where a file changed since: back from the editor or a session, or to
        the window from a text editor."""
        if self.list.stale():
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.midnight.stop()

    def _came_back(self, state: Qt.ApplicationState) -> None:
        """sitimer is the active program again: after a sleep that outlasted midnight (Qt's timers
        stood still), the new day; after a text editor saved a programme, the file read again. (The
        picker's own ActivationChange, which this was, comes to the window alone: seen on X11.)"""
        if state is Qt.ApplicationState.ApplicationActive and self.isVisible():
            self.catch_up()
            self._read_again()

    def set_animation(self, on: bool) -> None:
        """The patient's setting "Show the moving figure": off, the preview shows nothing."""
        self.preview.set_animation(on)

    def _show_link(self, link: str) -> None:
        """Show the figure of the exercise a link names ("exercise:<id>"); no link: the one clicked."""
        entry = self.selected_entry()
        programme = entry.programme if entry else None
        if programme is None:
            return
        chosen = link.removeprefix("exercise:") or self._chosen
        exercise = next((e for e in programme.exercises if e.id == chosen), None)
        if exercise is None:
            self.preview.show_programme(programme)
        else:
            self.preview.show_exercise(exercise, programme)

    def _choose_link(self, link: str) -> None:
        self._chosen = link.removeprefix("exercise:")
        self._show_link(link)

    # -- sizes -------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        base = max(1, min(self.height(), round(self.width() * 0.6)))
        body = max(14, round(0.025 * base))

        def sized(widget: QWidget, factor: float, bold: bool = False) -> None:
            font = QFont(widget.font())
            font.setPixelSize(max(10, round(body * factor)))
            font.setBold(bold)
            widget.setFont(font)

        for widgets, factor in (
            ((self, self.list, self.meta_label, self.exercises_label, self.open_button, *self._actions), 1.0),
            ((self.off_label, self.daily_total_label), 0.95),
            ((self.problems_label, self.description_label), 0.9),
            ((self.start_hint,), 0.85),
        ):
            for widget in widgets:
                sized(widget, factor)
        self.daily.set_text_px(body)
        sized(self.heading, 1.5, bold=True)
        sized(self.title_label, 1.45, bold=True)
        sized(self.today_label, 1.0, bold=True)
        sized(self.start_button, 1.2, bold=True)
        margin = max(12, round(0.03 * base))
        self._root.setContentsMargins(margin, margin, margin, margin)
        self._root.setSpacing(margin // 2)
        self._column.setSpacing(round(body * 0.6))
        self._beside.setVerticalSpacing(round(body * 0.6))
        self._beside.setHorizontalSpacing(round(body * 0.6))
        self.preview.setFixedSize(round(body * 8.5), round(body * 11))
        sized(self.preview.name_label, 0.85)
