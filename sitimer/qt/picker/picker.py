"""ProgrammePicker: choose a programme and see what it asks of you before starting.

Lists the bundled programmes, the patient's own folder and files opened by
hand; for the selected one it shows how often a day, for how many weeks, each
exercise with its dose, the session's length and the phases still switched
off. A file that does not load shows its problems instead of an exercise list.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.paths import bundled_programmes, user_programmes_dir
from sitimer.core.programme.loader import ProgrammeError, load_file
from sitimer.core.programme.model import Programme
from sitimer.core.programme.plan import build_plan
from sitimer.qt.common import dose_text, style

PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "entry", "header" or "hint"
BROKEN_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Entry:
    """One programme file as the picker shows it: loaded, or with the reasons it did not load."""

    path: Path
    programme: Programme | None
    total_s: float = 0.0
    problems: tuple[str, ...] = ()


def load_entry(path: Path) -> Entry:
    """Load a programme for the list; never raises for a bad file."""
    try:
        programme = load_file(path)
    except ProgrammeError as err:
        return Entry(path, None, problems=tuple(str(p) for p in err.problems))
    return Entry(path, programme, build_plan(programme).total_s)


def _key(path: Path) -> str:
    return str(path.expanduser().resolve())


_EPOCH = datetime.fromtimestamp(0, UTC)


def _changed(path: Path) -> datetime:
    """When a file was last changed (its copy made or edited); the epoch when it cannot be told."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return _EPOCH


def _moment(text: object) -> datetime | None:
    """A time the history wrote (ISO 8601, UTC); None for anything else."""
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _home_short(path: Path) -> str:
    """A folder as a person reads it: ~/.local/share/sitimer/programmes."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)


MAX_TITLE_LINES = 4


def wrap_title(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """A title broken at spaces into lines no wider than ``width``, so all of it shows.

    What tells a patient's own copy from the programme it came from ends the title
    ("... (Mrs Jansen)"), so nothing is cut from the end and that label stays on one line when
    it can. A word wider than a line is elided in its middle; a title of more than
    MAX_TITLE_LINES lines loses words before its last line.
    """
    words = text.split()
    opens = [n for n, word in enumerate(words) if word.startswith("(")]
    if opens and words[-1].endswith(")"):  # the copy's label, "(Mrs Jansen)", kept on one line if it fits
        label = " ".join(words[opens[-1] :])
        if metrics.horizontalAdvance(label) <= width:
            words = [*words[: opens[-1]], label]
    lines: list[str] = []
    for word in words:
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    if len(lines) > MAX_TITLE_LINES:
        rest = " ".join(lines[MAX_TITLE_LINES - 1 :])
        lines = [*lines[: MAX_TITLE_LINES - 1], metrics.elidedText(rest, Qt.TextElideMode.ElideLeft, width)]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width) for line in lines] or [""]


class _EntryDelegate(QStyledItemDelegate):
    """Draws a programme as a bold title (wrapped, never cut short) over a muted summary; section
    headers as small captions."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPixelSize(max(10, round(title.pixelSize() * 0.85)))
        return title, small

    def title_lines(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> list[str]:
        """The lines an entry's title is drawn in, within ``option.rect``."""
        title_font, _ = self._fonts(option)
        pad = QFontMetrics(title_font).height() // 2
        title = str(index.data()).split("\n")[0]
        return wrap_title(title, QFontMetrics(title_font), option.rect.width() - 2 * pad)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, small = self._fonts(option)
        lines = str(index.data()).split("\n")
        pad = QFontMetrics(title).height() // 2
        if index.data(KIND_ROLE) == "hint":
            return QSize(100, QFontMetrics(small).height() * len(lines) + pad)
        rows = 1
        view = self.parent()
        if index.data(KIND_ROLE) == "entry" and isinstance(view, QListView):
            sized = QStyleOptionViewItem(option)
            sized.rect = QRect(0, 0, view.viewport().width(), 1)  # an entry is as wide as the list
            rows = len(self.title_lines(sized, index))
        height = QFontMetrics(title).height() * rows + (QFontMetrics(small).height() if len(lines) > 1 else 0)
        return QSize(100, height + pad * (2 if index.data(KIND_ROLE) == "entry" else 1))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        title_font, small_font = self._fonts(option)
        rect = QRect(option.rect)
        kind = index.data(KIND_ROLE)
        lines = str(index.data()).split("\n")
        painter.save()
        pad = QFontMetrics(title_font).height() // 2
        if kind == "entry":
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            if selected:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setBrush(QColor(style.SURFACE_HOVER))
                painter.setPen(QColor(style.OKABE_ITO["bluish_green"]))
                painter.drawRoundedRect(rect.adjusted(1, 1, -2, -2), 8, 8)
            text_rect = rect.adjusted(pad, pad, -pad, -pad)
            painter.setFont(title_font)
            painter.setPen(QColor(style.TEXT))
            fm = QFontMetrics(title_font)
            title = self.title_lines(option, index)
            for n, line in enumerate(title):
                painter.drawText(text_rect.topLeft() + QPoint(0, n * fm.height() + fm.ascent()), line)
            if len(lines) > 1:
                broken = bool(index.data(BROKEN_ROLE))
                painter.setFont(small_font)
                painter.setPen(QColor(style.ERROR if broken else style.TEXT_MUTED))
                sm = QFontMetrics(small_font)
                painter.drawText(
                    text_rect.topLeft() + QPoint(0, len(title) * fm.height() + sm.ascent()),
                    sm.elidedText(lines[1], Qt.TextElideMode.ElideRight, text_rect.width()),
                )
        elif kind == "hint":
            painter.setFont(small_font)
            painter.setPen(QColor(style.TEXT_MUTED))
            sm = QFontMetrics(small_font)
            text_rect = rect.adjusted(pad, pad // 2, -pad, 0)
            for n, line in enumerate(lines):
                painter.drawText(
                    text_rect.topLeft() + QPoint(0, n * sm.height() + sm.ascent()),
                    sm.elidedText(line, Qt.TextElideMode.ElideMiddle, text_rect.width()),
                )
        else:
            painter.setFont(title_font)
            painter.setPen(QColor(style.TEXT_MUTED))
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
            painter.drawText(rect.adjusted(pad // 2, 0, -pad, -pad // 4), int(flags), lines[0])
        painter.restore()


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
        self._entries: dict[str, Entry] = {}
        self._opened: list[Path] = []
        self._own: list[Path] = []  # the patient's own copies, as last listed
        self._done: dict[str, datetime] = {}  # programme id: when it was last done
        self._bundled: set[str] = set()  # the bundled programmes' files (their _key)
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
        self.list = QListWidget(self)
        self.list.setItemDelegate(_EntryDelegate(self.list))
        self.list.setAccessibleName(self.tr("Programmes"))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # a title wraps anew as the list's width changes
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        # Enter reaches keyPressEvent; not `itemActivated`, which some desktops fire on one click.
        self.list.itemDoubleClicked.connect(lambda *_: self.start_selected())
        self.open_button = QPushButton(self.tr("Open file…"), self)
        self.open_button.setAccessibleName(self.tr("Open a programme file"))
        self.open_button.clicked.connect(self.open_file)
        self.open_button.setAutoDefault(True)  # Enter on the focused button opens, not starts
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.open_button)

        self.title_label = self._label("title")
        self.title_label.setAccessibleName(self.tr("Programme"))
        self.meta_label = self._label("meta", secondary=True)
        self.description_label = self._label("description", secondary=True)
        self.exercises_label = self._label("exercises")
        self.exercises_label.setTextFormat(Qt.TextFormat.RichText)
        self.exercises_label.setAccessibleName(self.tr("Exercises and their doses"))
        self.off_label = self._label("off", off=True)
        self.problems_label = self._label("problems", problem=True)
        self.problems_label.setAccessibleName(self.tr("Why this file cannot be used"))
        content = QWidget()
        column = QVBoxLayout(content)
        self._column = column
        for widget in (
            self.title_label,
            self.meta_label,
            self.exercises_label,
            self.off_label,
            self.problems_label,
            self.description_label,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button = QPushButton(self.tr("Start  ▶"), self)
        self.start_button.setObjectName("primary")
        self.start_button.setAccessibleName(self.tr("Start this programme"))
        self.start_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.start_button.clicked.connect(self.start_selected)
        detail = QFrame(self)
        detail.setObjectName("detail")
        right = QVBoxLayout(detail)
        right.addWidget(scroll, 1)
        self.start_hint = self._label("start_hint", secondary=True)
        self.start_hint.setText(self.tr("or press Enter"))
        self.start_hint.setWordWrap(False)
        self.progress_button = QPushButton(self.tr("Your progress"), self)
        self.progress_button.setAccessibleName(self.tr("Your progress with this programme"))
        self.progress_button.clicked.connect(self._progress)
        self.handout_button = QPushButton(self.tr("Handout (PDF)…"), self)
        self.handout_button.setAccessibleName(self.tr("Print or save the programme for the patient"))
        self.handout_button.clicked.connect(lambda: self._emit_selected(self.handout_requested))
        self.save_button = QPushButton(self.tr("Save programme file…"), self)
        self.save_button.setAccessibleName(self.tr("Save the programme file to hand over"))
        self.save_button.clicked.connect(lambda: self._emit_selected(self.save_requested))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setAccessibleName(self.tr("Tailor this programme for the patient"))
        self.edit_button.clicked.connect(lambda: self._emit_selected(self.edit_requested))
        self.reminders_button = QPushButton(self.tr("Reminders…"), self)
        self.reminders_button.setAccessibleName(self.tr("When sitimer reminds you"))
        self.reminders_button.clicked.connect(self.reminders_requested)
        start_row = QHBoxLayout()
        start_row.addWidget(self.progress_button)
        start_row.addWidget(self.reminders_button)
        start_row.addWidget(self.edit_button)
        start_row.addWidget(self.handout_button)
        start_row.addWidget(self.save_button)
        self.progress_button.setVisible(not self.therapist)
        self.reminders_button.setVisible(not self.therapist)
        # The therapist's tools; a patient at home follows the prescription as given.
        for button in (self.edit_button, self.handout_button, self.save_button):
            button.setVisible(self.therapist)
        start_row.addStretch(1)
        start_row.addWidget(self.start_hint)
        start_row.addWidget(self.start_button)
        right.addLayout(start_row)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(detail, 3)
        self._root = QVBoxLayout(self)
        self._root.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)  # fonts follow the size
        self._root.addWidget(self.heading)
        self._root.addLayout(body, 1)
        QWidget.setTabOrder(self.list, self.start_button)
        QWidget.setTabOrder(self.start_button, self.progress_button)
        QWidget.setTabOrder(self.progress_button, self.open_button)

    # -- the list ----------------------------------------------------------
    def reload(self) -> None:
        """Read the folders again and rebuild the list, keeping the selection."""
        keep = self.selected_path()
        self.list.clear()
        self._add_header(self.tr("Bundled programmes"))
        for path in bundled_programmes():
            self._add_entry(path)
        self._bundled = {_key(p) for p in bundled_programmes()}
        self._add_header(self.tr("Your programmes"))
        own_dir = user_programmes_dir(self.data_dir)
        own = sorted(p for pattern in ("*.yaml", "*.yml") for p in own_dir.glob(pattern))
        self._own = own
        for path in own:
            self._add_entry(path)
        if not own:
            hint = self._add_item(
                self.tr("None yet. Put programme files in:\n{0}").format(_home_short(own_dir)), "hint"
            )
            hint.setToolTip(str(own_dir))
        listed = {_key(p) for p in [*bundled_programmes(), *own]}
        opened = [p for p in self._opened if _key(p) not in listed]
        if opened:
            self._add_header(self.tr("Opened"))
            for path in opened:
                self._add_entry(path)
        if keep is None or not self._find(keep):
            self._select_first_choice()
        self._show_selected()

    def prefer_done(self, sessions: Iterable[Mapping[str, Any]]) -> None:
        """The history's sessions (``programme``, ``started_at``): the first choice follows them."""
        for session in sessions:
            moment = _moment(session.get("started_at"))
            name = str(session.get("programme"))
            if moment is not None and (name not in self._done or self._done[name] < moment):
                self._done[name] = moment
        self._select_first_choice()

    def _select_first_choice(self) -> None:
        """Select what this patient most likely does now.

        Their own copy first (the therapist tailored it for them); of several, the one most
        recently changed or done. Else the programme done last; else the first bundled one.
        """
        usable = [p for p in self._own if self._loaded(p)]
        done = [p for p in self._listed() if self._loaded(p) and self._last_done(p) is not None]
        if usable:
            choice: Path | None = max(usable, key=lambda p: max(self._last_done(p) or _EPOCH, _changed(p)))
        elif done:
            choice = max(done, key=lambda p: self._last_done(p) or _EPOCH)
        else:
            choice = next(iter(self._listed()), None)
        if choice is not None:
            self._find(choice)

    def _listed(self) -> list[Path]:
        rows = range(self.list.count())
        return [Path(self.list.item(i).data(PATH_ROLE)) for i in rows if self._is_entry(i)]

    def _loaded(self, path: Path) -> bool:
        entry = self._entries.get(_key(path))
        return entry is not None and entry.programme is not None

    def _last_done(self, path: Path) -> datetime | None:
        entry = self._entries.get(_key(path))
        return self._done.get(entry.programme.id) if entry and entry.programme else None

    def _add_item(self, text: str, kind: str) -> QListWidgetItem:
        item = QListWidgetItem(text, self.list)
        item.setData(KIND_ROLE, kind)
        if kind != "entry":
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    def _add_header(self, text: str) -> None:
        self._add_item(text, "header")

    def _add_entry(self, path: Path) -> None:
        entry = self._entries.get(_key(path)) or load_entry(path)
        self._entries[_key(path)] = entry
        if entry.programme is not None:
            text = f"{self._title(entry)}\n{self._summary(entry)}"
        else:
            count = len(entry.problems)
            why = (
                self.tr("Cannot be used: 1 problem")
                if count == 1
                else self.tr("Cannot be used: {0} problems")
            )
            text = f"{path.name}\n{why.format(count)}"
        item = self._add_item(text, "entry")
        item.setData(PATH_ROLE, _key(path))
        item.setData(BROKEN_ROLE, entry.programme is None)
        item.setToolTip(str(path))

    def _title(self, entry: Entry) -> str:
        """The programme's title; a patient's copy titled as a bundled programme says it is theirs."""
        assert entry.programme is not None
        title = entry.programme.title.get(self.lang)
        copy = _key(entry.path) not in self._bundled and any(
            e.programme is not None and e.programme.title.get(self.lang) == title
            for key, e in self._entries.items()
            if key in self._bundled
        )
        return self.tr("{0} (your copy)").format(title) if copy else title

    def _is_entry(self, row: int) -> bool:
        return bool(self.list.item(row).data(KIND_ROLE) == "entry")

    def _find(self, path: Path) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if self._is_entry(row) and item.data(PATH_ROLE) == _key(path):
                self.list.setCurrentItem(item)
                return True
        return False

    def select(self, path: Path) -> None:
        """Select a programme file, adding it under "Opened" when it is in neither folder."""
        if self._find(path):
            return
        self._entries.pop(_key(path), None)  # opened again: read it afresh
        self._opened.append(path)
        self.reload()
        self._find(path)

    def refresh_file(self, path: Path) -> None:
        """Read one programme file again (the editor just saved it) and select it."""
        self._entries.pop(_key(path), None)
        self.reload()
        self.select(path)

    def _progress(self) -> None:
        self._emit_selected(self.progress_requested)

    def _emit_selected(self, signal: SignalInstance) -> None:
        path = self.selected_path()
        if path is not None:
            signal.emit(path)

    def selected_path(self) -> Path | None:
        """The selected programme file, if any."""
        item = self.list.currentItem()
        if item is None or item.data(KIND_ROLE) != "entry":
            return None
        return Path(item.data(PATH_ROLE))

    def selected_entry(self) -> Entry | None:
        """The selected programme as loaded, if any."""
        path = self.selected_path()
        return self._entries.get(_key(path)) if path else None

    def start_selected(self) -> None:
        """Ask to start the selected programme, when it loaded."""
        entry = self.selected_entry()
        if entry is not None and entry.programme is not None:
            self.start_requested.emit(entry.path)

    def open_file(self) -> None:
        """Pick a programme file anywhere on disk."""
        start = user_programmes_dir(self.data_dir)
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a programme"),
            str(start if start.is_dir() else Path.home()),
            self.tr("Programmes (*.yaml *.yml);;All files (*)"),
        )
        if name:
            self.select(Path(name))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_selected()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the details -------------------------------------------------------
    def _summary(self, entry: Entry) -> str:
        assert entry.programme is not None
        return " · ".join((dose_text.frequency_text(entry.programme), dose_text.duration_text(entry.total_s)))

    def _exercises_html(self, programme: Programme) -> str:
        rows = []
        for e in programme.active_exercises():
            rows.append(
                "<tr>"
                f"<td style='color:{style.TEXT_MUTED}; padding-right:12px' align='right'>"
                f"{html.escape(e.number or '')}</td>"
                f"<td style='padding-right:24px'><b>{html.escape(e.name.get(self.lang))}</b></td>"
                f"<td>{html.escape(dose_text.dose_text(e))}</td>"
                "</tr>"
            )
        return "<table cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"

    def _show_selected(self) -> None:
        entry = self.selected_entry()
        programme = entry.programme if entry else None
        self.start_button.setEnabled(programme is not None)
        for button in (self.progress_button, self.edit_button, self.handout_button, self.save_button):
            button.setEnabled(programme is not None)
        self.start_hint.setVisible(programme is not None)
        self.description_label.setVisible(False)
        self.off_label.setVisible(False)
        self.problems_label.setVisible(False)
        self.exercises_label.setVisible(programme is not None)
        self.meta_label.setVisible(entry is not None)
        if entry is None:
            self.title_label.setText(self.tr("No programme selected"))
            return
        if programme is None:
            self.title_label.setText(entry.path.name)
            self.meta_label.setText(
                self.tr("This file cannot be used. Ask your therapist for a corrected file.")
            )
            self.problems_label.setText("\n".join(entry.problems))
            self.problems_label.setVisible(True)
            return
        self.title_label.setText(self._title(entry))
        self.meta_label.setText(self._summary(entry))
        self.exercises_label.setText(self._exercises_html(programme))
        off = dose_text.off_lines(programme, self.lang)
        self.off_label.setText("\n".join(off))
        self.off_label.setVisible(bool(off))
        if programme.description:
            self.description_label.setText(programme.description.get(self.lang))
            self.description_label.setVisible(True)

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

        sized(self, 1.0)
        sized(self.heading, 1.5, bold=True)
        sized(self.list, 1.0)
        sized(self.title_label, 1.45, bold=True)
        sized(self.meta_label, 1.0)
        sized(self.exercises_label, 1.0)
        sized(self.off_label, 0.95)
        sized(self.problems_label, 0.9)
        sized(self.description_label, 0.9)
        sized(self.start_hint, 0.85)
        sized(self.open_button, 1.0)
        for button in (
            self.progress_button,
            self.reminders_button,
            self.edit_button,
            self.handout_button,
            self.save_button,
        ):
            sized(button, 1.0)
        sized(self.start_button, 1.2, bold=True)
        margin = max(12, round(0.03 * base))
        self._root.setContentsMargins(margin, margin, margin, margin)
        self._root.setSpacing(margin // 2)
        self._column.setSpacing(round(body * 0.6))
