"""ProgrammeList: the picker's list of programme files, under "Bundled", "Your programmes" and "Opened".

Each file is read once through :mod:`sitimer.core.programme.catalogue` and kept until it is
opened or refreshed again; one that does not load is listed with how many problems it has.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from sitimer.core.paths import bundled_programmes, file_stamp, home_short, resolved, user_programmes_dir
from sitimer.core.programme.catalogue import ProgrammeFile, own_paths, read
from sitimer.qt.picker.choice import add_done, first_choice
from sitimer.qt.picker.entry_delegate import BROKEN_ROLE, KIND_ROLE, PATH_ROLE, EntryDelegate
from sitimer.qt.picker.summary import summary

if TYPE_CHECKING:
    from sitimer.core.history.rows import LastStarted


def _key(path: Path) -> str:
    return str(resolved(path))


class ProgrammeList(QListWidget):
    """The programme files in sections, one selected: the patient's likeliest choice at first."""

    def __init__(self, data_dir: Path, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lang = lang
        self._entries: dict[str, ProgrammeFile] = {}  # by _key: each file read once, until refreshed
        self._stamps: dict[str, tuple[int, int, int] | None] = {}  # by _key: each file as it was read
        self._listed: dict[str, tuple[int, int, int] | None] = {}  # the files listed, as they were
        self._opened: list[Path] = []
        self._own: list[ProgrammeFile] = []  # the patient's own copies, as last listed
        self._own_paths: list[Path] = []  # their files, as last listed
        self._done: dict[str, datetime] = {}  # programme id: when it was last done
        self._bundled: set[str] = set()  # the bundled programmes' files (their _key)
        self.setItemDelegate(EntryDelegate(self))
        self.setAccessibleName(self.tr("Programmes"))
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # a title wraps anew as the list's width changes

    def showEvent(self, event: QShowEvent) -> None:
        self._heard(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._heard(False)

    def _heard(self, shown: bool) -> None:
        """A screen reader hears the rows only while the list is shown. Qt calls the rows of a hidden
        list "showing" (it only asks whether they lie in its viewport), so behind a session a screen
        reader listed the programmes; hidden, the list shows the children of its first row (none)."""
        self.setRootIndex(self.model().index(0, 0) if not shown and self.count() else QModelIndex())

    def reload(self) -> None:
        """Read the folders again and rebuild the list, keeping the selection."""
        keep = self.selected_path()
        self.clear()
        bundled, own = bundled_programmes(), own_paths(self.data_dir)
        self._own_paths = own  # read once a listing: title() compares own files' titles
        self._bundled = {_key(p) for p in bundled}
        self._add_item(self.tr("Bundled programmes"), "header")
        for path in bundled:
            self._add_entry(path)
        self._add_item(self.tr("Your programmes"), "header")
        self._own = [self._add_entry(path) for path in own]
        if not own:
            own_dir = user_programmes_dir(self.data_dir)
            hint = self._add_item(
                self.tr("None yet. Put programme files in:\n{0}").format(home_short(own_dir)), "hint"
            )
            hint.setToolTip(str(own_dir))
        listed = {_key(p) for p in [*bundled, *own]}
        opened = [p for p in self._opened if _key(p) not in listed]
        if opened:
            self._add_item(self.tr("Opened"), "header")
            for path in opened:
                self._add_entry(path)
        if keep is None or not self.select_listed(keep):
            self._select_first_choice()
        self._heard(self.isVisible())  # the rows taken away took the hidden list's root with them
        self._listed = self._now()

    def _now(self) -> dict[str, tuple[int, int, int] | None]:
        paths = [*bundled_programmes(), *own_paths(self.data_dir), *self._opened]
        return {_key(p): file_stamp(p) for p in paths}

    def stale(self) -> bool:
        """Whether a file listed was changed, or one came or went, since the list was read: the
        patient saved it in the editor or a text editor while the window was open, and the list
        showed the old dose while Start ran the new."""
        return self._now() != self._listed

    def prefer_done(self, sessions: Iterable[LastStarted]) -> None:
        """When each programme was last started: the first choice follows them."""
        add_done(self._done, sessions)
        self._select_first_choice()

    def _select_first_choice(self) -> None:
        """Select what this patient most likely does now (:func:`~sitimer.qt.picker.choice.first_choice`)."""
        rows = range(self.count())
        listed = [self._entries[self.item(i).data(PATH_ROLE)] for i in rows if self._is_entry(i)]
        choice = first_choice(self._own, listed, self._done)
        if choice is not None:
            self.select_listed(choice)

    def _add_item(self, text: str, kind: str) -> QListWidgetItem:
        item = QListWidgetItem(text, self)
        item.setData(KIND_ROLE, kind)
        if kind != "entry":
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    def _add_entry(self, path: Path) -> ProgrammeFile:
        key, stamp = _key(path), file_stamp(path)
        entry = self._entries.get(key)
        if entry is None or self._stamps.get(key) != stamp:  # read again once changed
            entry = read(path)
        self._entries[key], self._stamps[key] = entry, stamp
        if entry.programme is not None:
            text = f"{self.title(entry)}\n{summary(entry.programme)}"
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
        return entry

    def title(self, entry: ProgrammeFile) -> str:
        """A loaded programme's title; a patient's own copy titled as a bundled programme says it is
        theirs, and of two own files titled alike each names its file (a therapist's changed file kept
        beside the first as NAME-2.sitimer.yaml read the same as it). A file only opened says neither."""
        assert entry.programme is not None
        title = entry.programme.title.get(self.lang)
        own = self._own_paths
        if _key(entry.path) not in {_key(p) for p in own}:
            return title
        copy = any(
            e.programme is not None and e.programme.title.get(self.lang) == title
            for key, e in self._entries.items()
            if key in self._bundled
        )
        alike = any(
            other.programme is not None and other.programme.title.get(self.lang) == title
            for other in (self._read(p) for p in own if _key(p) != _key(entry.path))
        )
        if copy and alike:
            return self.tr("{0} (your copy, {1})").format(title, entry.path.name)
        if alike:
            return f"{title} ({entry.path.name})"
        return self.tr("{0} (your copy)").format(title) if copy else title

    def _read(self, path: Path) -> ProgrammeFile:
        """The file as read once (until it is opened or refreshed again)."""
        if _key(path) not in self._entries:
            self._entries[_key(path)] = read(path)
        return self._entries[_key(path)]

    def _is_entry(self, row: int) -> bool:
        return bool(self.item(row).data(KIND_ROLE) == "entry")

    def select_listed(self, path: Path) -> bool:
        """Select a programme file when it is listed; whether it is."""
        for row in range(self.count()):
            item = self.item(row)
            if self._is_entry(row) and item.data(PATH_ROLE) == _key(path):
                self.setCurrentItem(item)
                return True
        return False

    def select(self, path: Path) -> None:
        """Select a programme file, adding it under "Opened" when it is in neither folder."""
        if self.select_listed(path):
            return
        self._entries.pop(_key(path), None)  # opened again: read it afresh
        self._opened.append(path)
        self.reload()
        self.select_listed(path)

    def kept(self, opened: Path, copy: Path) -> None:
        """``opened`` was copied into the patient's own folder: listed there instead, and selected."""
        self._opened = [p for p in self._opened if _key(p) != _key(opened)]
        self.reload()
        self.select(copy)

    def refresh(self, path: Path) -> None:
        """Read one programme file again (the editor just saved it) and select it."""
        self._entries.pop(_key(path), None)
        self.reload()
        self.select(path)

    def selected_path(self) -> Path | None:
        """The selected programme file, if any."""
        item = self.currentItem()
        if item is None or item.data(KIND_ROLE) != "entry":
            return None
        return Path(item.data(PATH_ROLE))

    def selected_entry(self) -> ProgrammeFile | None:
        """The selected programme as loaded, if any."""
        path = self.selected_path()
        return self._entries.get(_key(path)) if path else None
