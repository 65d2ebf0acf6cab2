"""A stand-in for the desktop's org.freedesktop.Notifications, for the reminder tests.

Run it on a private bus: ``dbus-run-session -- python fake_notifications.py [--no-service]``.
It prints ``READY <pid> <bus address>`` once it owns the name, then one line per call it gets:
``Notify <id> <JSON of app_name, replaces_id, icon, summary, body, actions, hints, timeout>``
and ``CloseNotification <id>``. Lines on its stdin make it send signals as a desktop would:
``invoke <id> <action>`` (ActionInvoked) and ``close <id> <reason>`` (NotificationClosed).
It quits when its standard input closes. Like a real server, it serves Notify only with a
``u`` replaces_id, so a client that sends a signed int is caught.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QSocketNotifier, Signal, Slot
from PySide6.QtDBus import QDBusConnection

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"

# The key has a space, so it takes the dict form of ClassInfo, which PySide6's stub does not know.
class_info: Any = ClassInfo


@class_info({"D-Bus Interface": SERVICE})
class FakeNotifications(QObject):
    """Numbers each notification and prints it; sends the signals it is told to."""

    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self) -> None:
        super().__init__()
        self._last_id = 0

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return ["actions", "body"]

    @Slot(result="QStringList")
    def GetServerInformation(self) -> list[str]:
        return ["fake", "sitimer tests", "1", "1.2"]

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self,
        app_name: str,
        replaces_id: int,
        icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, Any],
        timeout: int,
    ) -> int:
        self._last_id += 1
        call = [app_name, replaces_id, icon, summary, body, list(actions), dict(hints), timeout]
        print("Notify", self._last_id, json.dumps(call), flush=True)
        return self._last_id

    @Slot("uint")
    def CloseNotification(self, nid: int) -> None:
        print("CloseNotification", nid, flush=True)


def main() -> int:
    """Own the name (unless told not to), say READY, serve until stdin closes."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-service", action="store_true", help="stay on the bus but own no name")
    args = parser.parse_args()

    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        print("NO BUS", bus.lastError().message(), flush=True)
        return 1
    fake = FakeNotifications()
    if not args.no_service:
        options = (
            QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllSignals
        )
        if not (bus.registerObject(PATH, fake, options) and bus.registerService(SERVICE)):
            print("NOT REGISTERED", bus.lastError().message(), flush=True)
            return 1

    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    pending = [b""]

    def on_stdin() -> None:
        data = os.read(sys.stdin.fileno(), 4096)  # not readline: two lines may come in one read
        if not data:
            stdin.setEnabled(False)
            app.quit()
            return
        *lines, pending[0] = (pending[0] + data).split(b"\n")
        for line in lines:
            command, first, second = line.decode().split()
            if command == "invoke":
                fake.ActionInvoked.emit(int(first), second)
            elif command == "close":
                fake.NotificationClosed.emit(int(first), int(second))

    stdin.activated.connect(on_stdin)
    print("READY", os.getpid(), os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
