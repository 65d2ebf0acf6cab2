"""One sitimer per data folder: starting it again shows the window of the one already running.

The sitimer that has the home window (or reminds in the background, its window built but hidden)
listens on a Unix socket named after its data folder, in a folder only its user may open. A
second ``sitimer`` for the same data folder connects, says ``show`` and, told ``shown``, exits:
the window that is already built appears at once, and no second window records into the same
history. Where nobody answers (nothing runs, an older sitimer, a socket left behind by a crash)
the second start goes on as a first one. Windows has no Unix socket here: each start there makes
its own window.

On Wayland the desktop's launcher gives the second start a one-use activation token; it goes along
with ``show`` (``show TOKEN``), as a compositor such as GNOME's brings a window in front of others
only with the token of the click that asked for it.

After an upgrade (a new .deb over the one running: its reminders started at login) the sitimer
running is the old program. Asked to show its window with no session under way, it answers
``again`` and ends; the start goes on as a first one, the new version's, once the old one has let
its socket go. (It knows by its own executable: replaced on disk, another file. A sitimer from
before this answered ``shown`` and stayed the old one until the next login.)

A programme file goes along the same way: ``open PATH [TOKEN]`` (a double-clicked file: shown in
the picker, ready to start) and ``run PATH [TOKEN]`` (`sitimer run FILE`: its session starts there),
the path's UTF-8 bytes in hex, so a space in it cannot break the line. Before, each opened a second
window, and a reminder of the first could start a second session over the first one's.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sitimer.core.paths import file_stamp
from sitimer.core.private_folder import make_private_folder

SHOW = b"show"
OPEN, RUN = b"open", b"run"
SHOWN = b"shown\n"
LATER = b"later\n"  # a session is under way there: the file is shown once it is over
AGAIN = b"again\n"  # that sitimer was installed anew under it (an upgrade): it ends, this start goes on
TOKEN_MAX = 512  # compositors' tokens are 30-100 characters; a longer one is not passed on
PATH_MAX = 4096  # bytes of a path passed on (hex: twice as many characters)
LINE_MAX = 8 + 2 * PATH_MAX + 1 + TOKEN_MAX + 1
WAIT_S = 1.0  # a running sitimer answers within milliseconds; one that does not is left alone
GONE_WAIT_S = 10.0  # how long an upgraded sitimer that answered "again" is given to end


def socket_path(data_dir: Path) -> Path | None:
    """Where the sitimer of ``data_dir`` listens; None where there are no Unix sockets."""
    if sys.platform == "win32" or not hasattr(socket, "AF_UNIX"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    folder = Path(runtime) / f"sitimer-{os.getuid()}"
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return folder / f"{digest}.sock"


def _private(folder: Path) -> bool:
    """Whether ``folder`` is this user's and nobody else's (another user could have made it first)."""
    found = folder.stat()
    return found.st_uid == os.getuid() and not found.st_mode & 0o077


def _token(text: str | None) -> str | None:
    """``text`` as an activation token to pass on: printable ASCII without spaces, or None."""
    if not text or len(text) > TOKEN_MAX or not all("!" <= char <= "~" for char in text):
        return None
    return text


class Installed:
    """The running program's own file as it was at its start (a frozen build's executable; nothing to
    watch when run from source): another file there now means sitimer was installed anew."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None and getattr(sys, "frozen", False):
            path = Path(sys.executable)
        self.path = path
        self._seen = file_stamp(path) if path is not None else None

    def changed(self) -> bool:
        """Whether the file was replaced (an upgrade, a removal) since the start."""
        return self.path is not None and file_stamp(self.path) != self._seen


def start_new(argv: Sequence[str]) -> None:
    """Start ``argv`` (another sitimer) in the background, on its own: it goes on when this one
    ends. OSError when it cannot be started. Here, with the rest a sitimer running needs, so it is
    loaded at the start: an upgraded package's file can no longer give a module later."""
    subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def ask_to_show(data_dir: Path, wait_s: float = WAIT_S, token: str | None = None) -> bool:
    """Ask the sitimer running for ``data_dir`` to show its window, with the launcher's activation
    ``token`` if there is one; True once it has (False: none runs, or one upgraded under it ended)."""
    return _ask(data_dir, SHOW, wait_s, token) == SHOWN


def ask_to_open(
    data_dir: Path, programme: Path, *, start: bool, wait_s: float = WAIT_S, token: str | None = None
) -> str | None:
    """Hand a programme file to the sitimer running for ``data_dir``: shown in its picker, or with
    ``start`` its session started. "shown" once it has; "later" when a session is under way there
    (the file is shown when it is over); None when nobody took it."""
    name = os.fsencode(programme.absolute())
    if len(name) > PATH_MAX:
        return None
    said = _ask(data_dir, (RUN if start else OPEN) + b" " + name.hex().encode("ascii"), wait_s, token)
    return {SHOWN: "shown", LATER: "later"}.get(said)


def _ask(data_dir: Path, request: bytes, wait_s: float, token: str | None) -> bytes:
    """The running sitimer's answer to ``request`` (b"" when there is none); where it answers
    ``again``, once it has ended."""
    path = socket_path(data_dir)
    try:
        if path is None or not path.exists() or not _private(path.parent):
            return b""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(wait_s)
            client.connect(str(path))
            passed = _token(token)
            client.sendall(request + (b" " + passed.encode("ascii") if passed else b"") + b"\n")
            said = client.makefile("rb").readline(len(SHOWN))
    except OSError:  # nobody listens (a socket left behind), or it did not answer in time
        return b""
    if said == AGAIN:
        _wait_gone(path)
    return said


def _wait_gone(path: Path, wait_s: float = GONE_WAIT_S) -> None:
    """Until nobody listens at ``path`` (an upgraded sitimer ending), or ``wait_s`` has passed."""
    deadline = time.monotonic() + wait_s
    while path.exists() and _answered(path) and time.monotonic() < deadline:
        time.sleep(0.05)


def _answered(path: Path) -> bool:
    """Whether a sitimer listens at ``path`` now."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(WAIT_S)
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def listen(data_dir: Path) -> socket.socket | None:
    """A socket, listening for the starts that follow this one; None where there is none to make
    (Windows, a folder that is not private, another sitimer listening for ``data_dir``)."""
    path = socket_path(data_dir)
    if path is None:
        return None
    try:
        make_private_folder(path.parent)
        if not _private(path.parent):
            return None
        if path.exists():
            if _answered(path):
                return None
            path.unlink()  # left behind by a sitimer that did not end as it should
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(path))
            server.listen(4)
        except OSError:
            server.close()
            raise
        server.setblocking(False)
        return server
    except OSError:
        return None


def answer(
    server: socket.socket,
    show: Callable[[str | None], None],
    open_file: Callable[[Path, bool, str | None], bool] | None = None,
    renewed: Callable[[], bool] | None = None,
) -> None:
    """Take one waiting start: when it asks, ``show(token)``, or ``open_file(path, start, token)``
    for a programme file (False: it is shown later), and tell it so (``token`` the activation
    token it passed on, or None). Where ``renewed()`` (this sitimer was installed anew under it, and
    ends), neither: the start is told ``again``."""
    try:
        connection, _ = server.accept()
    except OSError:  # gone again, or nothing waiting after all
        return
    with connection:
        connection.settimeout(WAIT_S)
        try:
            asked = connection.makefile("rb").readline(LINE_MAX)
        except OSError:
            return
        if not asked.endswith(b"\n"):
            return
        word, _, rest = asked.removesuffix(b"\n").partition(b" ")
        answer = SHOWN
        if word in (SHOW, OPEN, RUN) and renewed is not None and renewed():
            answer = AGAIN
        elif word == SHOW and len(rest) <= TOKEN_MAX:
            show(_token(rest.decode("ascii", "replace")))
        elif word in (OPEN, RUN) and open_file is not None:
            name, _, token = rest.partition(b" ")
            try:
                programme = Path(os.fsdecode(bytes.fromhex(name.decode("ascii"))))
            except ValueError:
                return
            if not open_file(programme, word == RUN, _token(token.decode("ascii", "replace"))):
                answer = LATER
        else:
            return
        with contextlib.suppress(OSError):  # it stopped waiting: the window is shown all the same
            connection.sendall(answer)


def stop(server: socket.socket, data_dir: Path) -> None:
    """Stop listening and take the socket away, so the next start is a first one."""
    path = socket_path(data_dir)
    try:
        name = server.getsockname()
    except OSError:
        name = None
    server.close()
    if path is not None and name == str(path):
        path.unlink(missing_ok=True)
