"""Whether a local service answers: asked over its socket, with a time limit of ours.

Qt's clients for speech-dispatcher and for the D-Bus session bus wait for an answer as long
as the other side keeps the connection open (speech-dispatcher: for ever; libdbus: 25 s or
more). A service that accepts and then hangs would hold up the whole window. So before Qt
connects, the socket is asked the protocol's first question here; a service that has not
answered within the limit is taken as stuck and passed over.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

ANSWER_S = 2.0  # a service that has not answered by then is taken as stuck


def ask(address: str, question: bytes, timeout_s: float = ANSWER_S) -> bytes | None:
    """Send ``question`` to the Unix socket at ``address`` (a path, or "@name" for Linux's
    abstract namespace) and return the first answer; b"" when the service is not there;
    None when it took the connection but did not answer in time."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout_s)
        try:
            conn.connect("\0" + address[1:] if address.startswith("@") else address)
        except OSError:
            return b""  # nobody listens: the client library starts one, or fails at once
        try:
            conn.sendall(question)
            return conn.recv(256) or b""
        except OSError:  # the time ran out, or it hung up
            return None


# -- speech-dispatcher -----------------------------------------------------------------------
def speechd_address() -> str | None:
    """speech-dispatcher's socket as its client library finds it; None for a TCP address."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return address.removeprefix("unix_socket:")
    if address:
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
    return str(Path(runtime) / "speech-dispatcher" / "speechd.sock")


def speechd_stuck(timeout_s: float = ANSWER_S) -> bool:
    """Whether a speech-dispatcher is running but does not answer its first SSIP command."""
    address = speechd_address()
    if address is None or not Path(address).exists():
        return False
    return ask(address, b"SET SELF CLIENT_NAME sitimer:sitimer:probe\r\n", timeout_s) is None


# -- the D-Bus session bus -------------------------------------------------------------------
def session_bus_address() -> str | None:
    """The session bus's Unix socket from ``DBUS_SESSION_BUS_ADDRESS``; None when it names
    none that can be asked here (unset, TCP, or a lookup such as autolaunch)."""
    for entry in os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").split(";"):
        transport, _, params = entry.partition(":")
        if transport != "unix":
            continue
        keys = dict(part.partition("=")[::2] for part in params.split(","))
        if keys.get("path"):
            return keys["path"]
        if keys.get("abstract"):
            return "@" + keys["abstract"]
    return None


def session_bus_stuck(timeout_s: float = ANSWER_S) -> bool:
    """Whether the session bus takes a connection but does not answer the first step of the
    handshake (a NUL byte and ``AUTH EXTERNAL`` with our user id, which it answers "OK" or
    "REJECTED")."""
    address = session_bus_address()
    if address is None:
        return False
    uid = str(os.getuid()).encode().hex().encode() if hasattr(os, "getuid") else b""
    return ask(address, b"\0AUTH EXTERNAL " + uid + b"\r\n", timeout_s) is None
