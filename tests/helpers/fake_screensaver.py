"""A stand-in for the desktop's org.freedesktop.ScreenSaver, for the inhibit tests.

Run it on a private bus: ``dbus-run-session -- python fake_screensaver.py [--path P] [--no-service]``.
It prints ``READY <pid> <bus address>`` once it owns the name, then one line per call it gets:
``Inhibit <path> <app> <cookie> <reason>`` and ``UnInhibit <path> <cookie>``. Cookies start above
2**31, so a client that sends UnInhibit a signed int instead of a D-Bus ``u`` is caught.
It quits when its standard input closes.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QSocketNotifier, Slot
from PySide6.QtDBus import QDBusConnection

SERVICE = "org.freedesktop.ScreenSaver"
FIRST_COOKIE = 3_000_000_001


# The key has a space, so it takes the dict form of ClassInfo, which PySide6's stub does not know.
class_info: Any = ClassInfo


@class_info({"D-Bus Interface": SERVICE})
class FakeScreenSaver(QObject):
    """Hands out cookies and prints every Inhibit and UnInhibit it receives."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self._path = path
        self._next_cookie = FIRST_COOKIE

    @Slot(str, str, result="uint")
    def Inhibit(self, application_name: str, reason: str) -> int:
        cookie = self._next_cookie
        self._next_cookie += 1
        print("Inhibit", self._path, application_name, cookie, reason, flush=True)
        return cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        print("UnInhibit", self._path, cookie, flush=True)


def main() -> int:
    """Own the name (unless told not to), say READY, serve until stdin closes."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", default="/org/freedesktop/ScreenSaver")
    parser.add_argument("--no-service", action="store_true", help="stay on the bus but own no name")
    args = parser.parse_args()

    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        print("NO BUS", bus.lastError().message(), flush=True)
        return 1
    fake = FakeScreenSaver(args.path)
    if not args.no_service:
        exported = bus.registerObject(args.path, fake, QDBusConnection.RegisterOption.ExportAllSlots)
        if not (exported and bus.registerService(SERVICE)):
            print("NOT REGISTERED", bus.lastError().message(), flush=True)
            return 1

    stdin_closed = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def on_stdin() -> None:
        if not os.read(sys.stdin.fileno(), 4096):
            stdin_closed.setEnabled(False)
            app.quit()

    stdin_closed.activated.connect(on_stdin)
    print("READY", os.getpid(), os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
