"""The progress view's part on what the patient reported apart from sessions, and the weekly questions.

One block of lines: the latest EARS (0-24, higher is more adherent), how the complaints are going
(the latest GPE), the PSK's activities from the first score to the latest, and why sessions were
missed. With a way to save them, a button opens the EARS (the weekly questions) from here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sitimer.core.history import scales
from sitimer.core.history.errors import HistoryError
from sitimer.core.history.rows import HistoryReader
from sitimer.core.history.schema import local_date
from sitimer.qt.session.questions import EarsView

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    """Translate the block's words (context "OwnReports" in the .ts file)."""
    return QCoreApplication.translate("OwnReports", text)


def _day(day: date, lang: str) -> str:
    """A day as the patient reads it: "16 March 2026", "16 maart 2026"."""
    return QLocale(lang).toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def report_lines(store: HistoryReader, programme: str, lang: str, *, profile: str = "") -> list[str]:
    """What the patient reported, one line per measure; nothing reported: one line saying so."""
    lines = []
    ears = store.ears(programme, profile=profile)
    if ears:
        # the day answered: they ask about the week before it ("week of 7 December" read as the week ahead)
        text = tr("Weekly questions (EARS): {0} of {1} (on {2})")
        day = _day(local_date(ears[-1].saved_at), lang)
        lines.append(text.format(ears[-1].total, scales.EARS_MAX, day))
    gpe = store.gpe(programme, profile=profile)
    if gpe:
        label = scales.gpe_label(gpe[-1].value).get(lang)
        day = _day(local_date(gpe[-1].at), lang)
        lines.append(tr("Your complaints: {0} (on {1})").format(label, day))
    psk = store.psk(programme, profile=profile)
    if psk:
        first = dict(psk[0].items)
        scored = [
            f"{name} {first[name]} → {score}" if name in first and len(psk) > 1 else f"{name} {score}"
            for name, score in psk[-1].items
        ]
        lines.append(tr("Your activities (0 no trouble, 10 impossible): {0}").format(", ".join(scored)))
    missed: dict[str, int] = {}
    for row in store.missed_reasons(programme, profile=profile):
        missed[row.reason] = missed.get(row.reason, 0) + 1
    if missed:
        counted = [
            f"{label.get(lang)} {missed[key]}×"
            for key, label in scales.MISSED_REASONS.items()
            if key in missed
        ]
        lines.append(tr("Why sessions were missed: {0}").format(", ".join(counted)))
    return lines or [tr("No answers of your own yet: they are asked after a session, now and then.")]


class OwnReports(QWidget):
    """A caption, the lines of :func:`report_lines`, and "Weekly questions…" beside the caption when
    ``save_ears`` is given."""

    changed = Signal()  # the EARS was answered here

    def __init__(
        self,
        store: HistoryReader,
        programme: str,
        lang: str,
        *,
        profile: str = "",
        save_ears: Callable[[tuple[int, ...]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.programme, self.lang, self.profile = store, programme, lang, profile
        self._save_ears = save_ears
        self.dialog: QDialog | None = None  # the weekly questions, while open
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        caption = QLabel(tr("Your own answers"))
        caption.setObjectName("caption")
        head.addWidget(caption, 1)
        self.ears_button: QPushButton | None = None  # only with a way to save (not at the kiosk)
        if save_ears is not None:
            self.ears_button = QPushButton(tr("Weekly questions…"))
            self.ears_button.setObjectName("small")
            self.ears_button.clicked.connect(self.ask_ears)
            head.addWidget(self.ears_button)
        column.addLayout(head)
        self.lines = QLabel()
        self.lines.setObjectName("lines")
        self.lines.setToolTip(
            tr("EARS: 0 to 24, higher is better kept up. Complaints: the global perceived effect.")
        )
        self.lines.setWordWrap(True)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.lines)
        self.refresh()

    def refresh(self) -> None:
        """Read the answers again."""
        self.lines.setText(
            "\n".join(report_lines(self.store, self.programme, self.lang, profile=self.profile))
        )

    def ask_ears(self) -> QDialog:
        """The EARS in a window over the progress view; answered, it is saved and the lines follow."""
        dialog = QDialog(self.window())
        dialog.setWindowTitle(tr("Weekly questions"))
        view = EarsView(self.lang)
        column = QVBoxLayout(dialog)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(view)
        view.answered.connect(self._answered)
        view.finished.connect(dialog.accept)
        dialog.resize(self.window().size())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _answered(self, answers: tuple[int, ...]) -> None:
        if self._save_ears is None:
            return
        try:
            self._save_ears(answers)
        except HistoryError as err:
            log.warning("weekly questions: history: %s", err)
            self.lines.setText(str(err))
            return
        self.refresh()
        self.changed.emit()
