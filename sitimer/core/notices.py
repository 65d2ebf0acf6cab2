"""How sitimer tells the user one line: the one channel for notices.

Whatever has a line for the user (a store that moved a file aside, a session kept in a
journal, a sound that stopped) adds it to its :class:`Notices`; the app takes the new ones at
one place (the session flow) and says them on the terminal (:func:`say`), and in a session's
window as well.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import overload


def say(*lines: str) -> None:
    """Lines for the person at the terminal, one each."""
    for line in lines:
        print(f"sitimer: {line}", file=sys.stderr, flush=True)


class Notices(Sequence[str]):
    """Lines for the user, each once, in the order they came.

    Whoever tells them takes the new ones (:meth:`take`), or is handed each as it comes
    (:meth:`watch`).
    """

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._taken = 0
        self._watcher: Callable[[str], None] | None = None

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._lines[index]

    def __len__(self) -> int:
        return len(self._lines)

    @property
    def latest(self) -> str | None:
        """The line added last."""
        return self._lines[-1] if self._lines else None

    def add(self, *lines: str | None) -> None:
        """Add each line not added before (an empty one or None is nothing to tell)."""
        for line in lines:
            if line and line not in self._lines:
                self._lines.append(line)
        if self._watcher is not None:
            for line in self.take():
                self._watcher(line)

    def withdraw(self, line: str) -> None:
        """``line`` no longer holds (the voice speaks again): off the list, so it can be told again."""
        if line in self._lines:
            index = self._lines.index(line)
            del self._lines[index]
            if index < self._taken:
                self._taken -= 1

    def take(self) -> list[str]:
        """The lines not yet taken."""
        new, self._taken = self._lines[self._taken :], len(self._lines)
        return new

    def watch(self, tell: Callable[[str], None]) -> None:
        """Hand ``tell`` the lines not yet taken, and from now on each new one as it comes."""
        self._watcher = tell
        self.add()
