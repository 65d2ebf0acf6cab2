"""One undoable change to a programme in the editor, and the keys that undo and redo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QUndoCommand

from sitimer.core.programme.editing import ProgrammeDocument

UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


class Edit(QUndoCommand):
    """One change to the document; undone and redone by putting back the document's state."""

    def __init__(
        self,
        document: ProgrammeDocument,
        text: str,
        key: object,
        change: Callable[[], None],
        shown: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.document, self.key, self.change, self.shown = document, key, change, shown
        self.before = document.snapshot()
        self.after: str | None = None

    def redo(self) -> None:
        if self.after is None:
            self.change()
            self.after = self.document.snapshot()
        else:
            self.document.restore(self.after)
        self.shown()

    def undo(self) -> None:
        self.document.restore(self.before)
        self.shown()

    def id(self) -> int:
        return -1 if self.key is None else 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing "20" in a spin box is one step, not two: consecutive changes of one field merge.
        if not isinstance(other, Edit) or other.key != self.key:
            return False
        self.after = other.after
        return True
