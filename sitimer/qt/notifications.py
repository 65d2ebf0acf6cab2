"""Notifier: a reminder on the desktop, with buttons, wherever the system can show one.

First choice is the desktop's org.freedesktop.Notifications over the D-Bus session bus (GNOME,
KDE, Xfce, dunst and others serve it), with actions the patient can click; answers come back
as ActionInvoked. Without that service, the tray icon's balloon (QSystemTrayIcon.showMessage;
a click means "start now"). Without a tray either, the ``banner`` signal hands the text to the
main window. Every D-Bus call waits at most ``timeout_ms``; a failure costs one line in the log
and the next way is used, never a crash.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

from sitimer.core.services import session_bus_stuck
from sitimer.qt import style

try:
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage

    HAVE_QTDBUS = True
except ImportError:  # a PySide6 build without QtDBus (some non-Linux wheels)
    HAVE_QTDBUS = False

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
NOTIFY = "Notify(QString,uint,QString,QString,QString,QStringList,QVariantMap,int)"
START_NOW = "start-now"  # the action a click on a tray balloon stands for


@dataclass(frozen=True)
class Notification:
    """What to show: a title, one or two lines, and the actions as (key, label)."""

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
            use_dbus = HAVE_QTDBUS and (sys.platform.startswith("linux") or "bsd" in sys.platform)
        self.use_dbus = use_dbus and HAVE_QTDBUS
        self.tray = tray
        self.app_name = app_name
        self.timeout_ms = timeout_ms
        self.last_way: str | None = None  # "dbus", "tray" or "banner": how the last one was shown
        self._service: QDBusInterface | None = None
        self._ids: dict[int, str] = {}  # the desktop's notification id -> our token
        self._tray_token: str | None = None
        if tray is not None:
            tray.messageClicked.connect(self._tray_clicked)

    def show(self, notification: Notification) -> str:
        """Show it the best way there is; returns which: "dbus", "tray" or "banner"."""
        if self.use_dbus and self._notify_dbus(notification):
            self.last_way = "dbus"
        elif self.tray is not None and self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self._tray_token = notification.token
            self.tray.showMessage(notification.title, notification.body, app_icon(), 0)
            self.last_way = "tray"
        else:
            self.banner.emit(f"{notification.title} — {notification.body}")
            self.last_way = "banner"
        return self.last_way

    def withdraw(self, token: str) -> None:
        """Take a notification off the screen (the session was started some other way)."""
        service = self._service
        meta = service.metaObject() if service is not None else None
        for nid, known in list(self._ids.items()):
            if known != token:
                continue
            del self._ids[nid]
            if (
                service is not None
                and meta is not None
                and meta.indexOfMethod("CloseNotification(uint)") >= 0
            ):
                QMetaObject.invokeMethod(
                    service, "CloseNotification", Qt.ConnectionType.DirectConnection, Q_ARG("uint", nid)
                )
        if self._tray_token == token:
            self._tray_token = None

    # -- org.freedesktop.Notifications ------------------------------------------------------
    def _connect(self) -> QDBusInterface | None:
        """The notification service, after a quick check that it answers; None when it does not."""
        if self._service is not None:
            return self._service
        if session_bus_stuck():  # Qt would wait for it for 25 s or more
            log.info("notifications: the session bus does not answer")
            return None
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("notifications: no session bus: %s", bus.lastError().message())
            return None
        # A bounded call first: building the interface introspects without our timeout.
        probe = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "GetCapabilities")
        reply = bus.call(probe, QDBus.CallMode.Block, self.timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.info("notifications: %s: %s", reply.errorName(), reply.errorMessage())
            return None
        service = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        service.setTimeout(self.timeout_ms)
        meta = service.metaObject()
        if not service.isValid() or meta is None or meta.indexOfMethod(NOTIFY) < 0:
            # Notify's replaces_id is a D-Bus uint, which PySide can only send typed by the
            # service's introspection; without it the call would be refused.
            log.info("notifications: the service does not describe Notify")
            return None
        for name, slot in (
            ("ActionInvoked", "_on_action(uint,QString)"),
            ("NotificationClosed", "_on_closed(uint,uint)"),
        ):
            # PySide6 wants the SLOT() string here; its stub says bytes, which it refuses.
            if not bus.connect(SERVICE, PATH, INTERFACE, name, self, SLOT(slot)):  # type: ignore[call-overload]
                log.info("notifications: could not listen for %s", name)
        self._service = service
        return service

    def _notify_dbus(self, notification: Notification) -> bool:
        service = self._connect()
        if service is None:
            return False
        actions = [part for key, label in notification.actions for part in (key, label)]
        try:
            nid = QMetaObject.invokeMethod(
                service,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG("QString", self.app_name),
                Q_ARG("uint", 0),
                Q_ARG("QString", "appointment-soon"),
                Q_ARG("QString", notification.title),
                Q_ARG("QString", notification.body),
                Q_ARG("QStringList", actions),
                Q_ARG("QVariantMap", {"desktop-entry": "sitimer", "category": "x-sitimer.reminder"}),
                Q_ARG("int", -1),
            )
        except RuntimeError as err:  # the method vanished with the service
            log.info("notifications: Notify failed: %s", err)
            self._service = None
            return False
        error = service.lastError()
        if error.isValid() or not isinstance(nid, int) or nid == 0:
            log.info("notifications: Notify: %s: %s", error.name(), error.message())
            self._service = None  # asked afresh next time: the service may have restarted
            return False
        self._ids[nid] = notification.token
        return True

    @Slot("uint", str)
    def _on_action(self, nid: int, key: str) -> None:
        token = self._ids.get(nid)
        if token is not None:  # another program's notification, or one we forgot: not ours
            self.action.emit(token, key)

    @Slot("uint", "uint")
    def _on_closed(self, nid: int, _reason: int) -> None:
        token = self._ids.pop(nid, None)
        if token is not None:
            self.closed.emit(token)

    # -- tray ---------------------------------------------------------------------------------
    def _tray_clicked(self) -> None:
        if self._tray_token is not None:
            token, self._tray_token = self._tray_token, None
            self.action.emit(token, START_NOW)
