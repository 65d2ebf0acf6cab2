"""Notifier: a reminder on the desktop, with buttons, wherever the system can show one.

First choice is the desktop's org.freedesktop.Notifications over the D-Bus session bus (GNOME,
KDE, Xfce, dunst and others serve it), with actions the patient can click; answers come back
as ActionInvoked. The calls go through jeepney, on a connection of our own, with every argument
typed as the specification has it (``susssasa{sv}i``): no server's introspection is needed, and
no two servers describe Notify alike in Qt's terms. The first action is the notification's
"default": a click on the notification itself does it. Without that service, the tray icon's
balloon (QSystemTrayIcon.showMessage; a click means the first action). Without a tray either, the
``banner`` signal hands the text to the main window. Every D-Bus call waits at most
``timeout_ms``; a failure costs one line in the log and the next way is used, never a crash.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, DBusErrorResponse, HeaderFields, MatchRule, message_bus, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import unwrap_msg
from PySide6.QtCore import QObject, QPointF, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

from sitimer.core.services import session_bus_stuck
from sitimer.qt.common import style

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"


@dataclass(frozen=True)
class Notification:
    """What to show: a title, one or two lines, and the actions as (key, label), the first the default."""

    token: str  # the caller's name for it; actions come back with it
    title: str
    body: str
    actions: tuple[tuple[str, str], ...] = ()


def app_icon() -> QIcon:
    """sitimer's icon, drawn: a clock face in the bluish green of a kept day."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.OKABE_ITO["bluish_green"]))
    painter.drawEllipse(QPointF(32, 32), 29, 29)
    hands = QPen(QColor("#000000"), 6)
    hands.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(hands)
    painter.drawLine(QPointF(32, 32), QPointF(32, 13))
    painter.drawLine(QPointF(32, 32), QPointF(45, 38))
    painter.end()
    return QIcon(pixmap)


class Notifier(QObject):
    """Shows notifications; ``action(token, key)`` when one of its buttons is clicked."""

    action = Signal(str, str)
    closed = Signal(str)  # the desktop closed it, or the patient dismissed it
    banner = Signal(str)  # no desktop notifications and no tray: the window shows this line

    def __init__(
        self,
        tray: QSystemTrayIcon | None = None,
        *,
        use_dbus: bool | None = None,
        app_name: str = "sitimer",
        timeout_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if use_dbus is None:
            use_dbus = sys.platform.startswith("linux") or "bsd" in sys.platform
        self.use_dbus = use_dbus
        self.tray = tray
        self.app_name = app_name
        self.timeout_ms = timeout_ms
        self.last_way: str | None = None  # "dbus", "tray" or "banner": how the last one was shown
        self.actions_shown = False  # whether the desktop's service shows buttons (its capabilities)
        self._bus: DBusConnection | None = None
        self._watch: QSocketNotifier | None = None
        self._signals: Any = None  # jeepney's filter: the service's signals, queued
        self._ids: dict[int, Notification] = {}  # the desktop's notification id -> ours
        self._activation: dict[int, str] = {}  # the desktop's id -> its activation token for a click
        # While ``action`` is emitted: the activation token the desktop sent for that click (GNOME 46
        # and KDE do, by the specification's ActivationToken signal), for the window to come in front.
        self.activation_token: str | None = None
        self._tray: Notification | None = None
        if tray is not None:
            tray.messageClicked.connect(self._tray_clicked)

    def show(self, notification: Notification) -> str:
        """Show it the best way there is; returns which: "dbus", "tray" or "banner"."""
        if self.use_dbus and self._notify_dbus(notification):
            self.last_way = "dbus"
        elif self.tray is not None and self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self._tray = notification
            self.tray.showMessage(notification.title, notification.body, app_icon(), 0)
            self.last_way = "tray"
        else:
            self.banner.emit(f"{notification.title} — {notification.body}")
            self.last_way = "banner"
        return self.last_way

    def withdraw(self, token: str) -> None:
        """Take a notification off the screen (the session was started some other way)."""
        for nid, known in list(self._ids.items()):
            if known.token == token:
                del self._ids[nid]
                self._activation.pop(nid, None)
                self._close_dbus(nid)
        if self._tray is not None and self._tray.token == token:
            self._tray = None

    # -- org.freedesktop.Notifications --------------------------------------------------------
    def _connect(self) -> DBusConnection | None:
        """Our own connection to the session bus, listening for the service's signals; None without."""
        if self._bus is not None:
            return self._bus
        if session_bus_stuck():  # a bus that takes the connection but never answers
            log.info("notifications: the session bus does not answer")
            return None
        try:
            bus = open_dbus_connection("SESSION", auth_timeout=self.timeout_ms / 1000)
        except (OSError, KeyError, ValueError, RuntimeError) as err:  # KeyError: no address at all
            log.info("notifications: no session bus: %s", err)
            return None
        try:
            caps = self._call(bus, "GetCapabilities", None)
            # Signals come to us alone (dunst) or to everyone who listens (most others): listen.
            match = MatchRule(type="signal", interface=INTERFACE, path=PATH)
            bus.send_and_get_reply(message_bus.AddMatch(match), timeout=self.timeout_ms / 1000)
        except (OSError, TimeoutError, DBusErrorResponse) as err:
            log.info("notifications: %s", err)
            bus.close()
            return None
        self.actions_shown = "actions" in caps[0]
        self._signals = bus.filter(match, queue=deque())
        self._bus = bus
        self._watch = QSocketNotifier(bus.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watch.activated.connect(self._read)
        return bus

    def _call(self, bus: DBusConnection, method: str, signature: str | None, *args: object) -> Any:
        """A method of the service, with ``args`` typed by ``signature``; its reply's values."""
        call = new_method_call(DBusAddress(PATH, SERVICE, INTERFACE), method, signature, args)
        return unwrap_msg(bus.send_and_get_reply(call, timeout=self.timeout_ms / 1000))

    def _drop(self) -> None:
        """Forget the connection (the service went, or the bus): asked afresh next time."""
        if self._watch is not None:
            self._watch.setEnabled(False)
            self._watch.deleteLater()
        if self._bus is not None:
            self._bus.close()
        self._bus, self._watch, self._signals = None, None, None

    def _notify_dbus(self, notification: Notification) -> bool:
        bus = self._connect()
        if bus is None:
            return False
        actions: list[str] = []
        if self.actions_shown:
            for index, (key, label) in enumerate(notification.actions):
                # The first is the notification's own: a click on it does that.
                actions += ["default" if index == 0 else key, label]
        hints = {"desktop-entry": ("s", "sitimer"), "category": ("s", "x-sitimer.reminder")}
        try:
            (nid,) = self._call(
                bus,
                "Notify",
                "susssasa{sv}i",
                self.app_name,
                0,
                "appointment-soon",
                notification.title,
                notification.body,
                actions,
                hints,
                0,  # never expires: dunst's own default took it away after 10 s, with the patient away
            )
        except (OSError, TimeoutError, DBusErrorResponse) as err:
            log.info("notifications: Notify: %s", err)
            self._drop()
            return False
        self._ids[nid] = notification
        QTimer.singleShot(0, self._read)  # signals that came in with the reply
        return True

    def _close_dbus(self, nid: int) -> None:
        if self._bus is None:
            return
        try:
            self._call(self._bus, "CloseNotification", "u", nid)
        except (OSError, TimeoutError, DBusErrorResponse) as err:
            log.info("notifications: CloseNotification: %s", err)

    def _read(self) -> None:
        """Every message waiting on the connection; the service's signals are acted on."""
        bus, signals = self._bus, self._signals
        if bus is None or signals is None:
            return
        try:
            while True:
                bus.recv_messages(timeout=0)
        except TimeoutError:
            pass
        except OSError as err:  # the bus went away
            log.info("notifications: the session bus went: %s", err)
            self._drop()
        while signals.queue:
            message = signals.queue.popleft()
            member = message.header.fields.get(HeaderFields.member)
            if member == "ActivationToken":  # sent just before the ActionInvoked it belongs to
                self._on_activation_token(*message.body)
            elif member == "ActionInvoked":
                self._on_action(*message.body)
            elif member == "NotificationClosed":
                self._on_closed(*message.body)

    def _on_activation_token(self, nid: int, token: str) -> None:
        if nid in self._ids:  # not another program's
            self._activation[nid] = token

    def _on_action(self, nid: int, key: str) -> None:
        notification = self._ids.get(nid)
        token = self._activation.pop(nid, None)
        if notification is None:  # another program's notification, or one we forgot: not ours
            return
        if key == "default" and notification.actions:
            key = notification.actions[0][0]
        self.activation_token = token
        try:
            self.action.emit(notification.token, key)
        finally:
            self.activation_token = None

    def _on_closed(self, nid: int, _reason: int) -> None:
        self._activation.pop(nid, None)
        notification = self._ids.pop(nid, None)
        if notification is not None:
            self.closed.emit(notification.token)

    # -- tray ---------------------------------------------------------------------------------
    def _tray_clicked(self) -> None:
        if self._tray is not None and self._tray.actions:
            token, key = self._tray.token, self._tray.actions[0][0]
            self._tray = None
            self.action.emit(token, key)
