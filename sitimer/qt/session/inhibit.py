"""ScreenInhibitor: keeps the screen awake while a session runs, and lets it sleep after.

Linux asks the desktop's org.freedesktop.ScreenSaver over the D-Bus session bus (GNOME, KDE, Xfce
and others serve it); Windows sets the thread's execution state; macOS holds an IOKit power
assertion that the display not sleep (``pmset -g assertions`` lists it). Anywhere else, or when the
desktop cannot be reached, the session simply runs with the screen as it is: `problem` says why in
one line, for the log: it is never shown to the patient, who can do nothing about a D-Bus service.
Each call to the screen saver waits at most `timeout_ms` (1 s), so a wedged one costs a second,
never a hung window. Release on every way out of a session, and on quit.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import Q_ARG, QMetaObject, Qt

from sitimer.core.services import session_bus_stuck

try:
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage

    HAVE_QTDBUS = True
except ImportError:  # a PySide6 build without QtDBus (some non-Linux wheels)
    HAVE_QTDBUS = False

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
# GNOME serves the first path, older KDE only the second.
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
# Errors that mean "not at this path": worth trying the next one.
_TRY_NEXT_PATH = {
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownMethod",
    "org.freedesktop.DBus.Error.UnknownInterface",
}
_NO_SERVICE = {"org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"}
_NO_ANSWER = {"org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.Timeout"}

# SetThreadExecutionState flags (winbase.h).
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


def _set_thread_execution_state(flags: int) -> int:
    """SetThreadExecutionState on Windows; 0 (failure) anywhere else."""
    if sys.platform == "win32":
        import ctypes

        call = ctypes.windll.kernel32.SetThreadExecutionState
        call.argtypes = [ctypes.c_uint32]
        call.restype = ctypes.c_uint32
        return int(call(flags))
    return 0


# IOKit's power-management assertions (IOPMLib.h): no display sleep while one is held.
MAC_ASSERTION_TYPE = b"PreventUserIdleDisplaySleep"
MAC_ASSERTION_LEVEL_ON = 255
_CF_STRING_UTF8 = 0x08000100
_FRAMEWORKS = "/System/Library/Frameworks"


def _mac_libraries() -> tuple[Any, Any]:
    """IOKit and CoreFoundation through ctypes, their functions typed (macOS only)."""
    import ctypes

    iokit = ctypes.CDLL(f"{_FRAMEWORKS}/IOKit.framework/IOKit")
    cf = ctypes.CDLL(f"{_FRAMEWORKS}/CoreFoundation.framework/CoreFoundation")
    cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
    cf.CFStringCreateWithCString.restype = ctypes.c_void_p
    cf.CFRelease.argtypes = [ctypes.c_void_p]
    create = iokit.IOPMAssertionCreateWithName
    create.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint32)]
    create.restype = ctypes.c_int32
    iokit.IOPMAssertionRelease.argtypes = [ctypes.c_uint32]
    iokit.IOPMAssertionRelease.restype = ctypes.c_int32
    return iokit, cf


def _mac_assertion(reason: str) -> int | None:
    """A new display-sleep assertion's id; None when macOS refused it."""
    import ctypes

    iokit, cf = _mac_libraries()
    kind = cf.CFStringCreateWithCString(None, MAC_ASSERTION_TYPE, _CF_STRING_UTF8)
    name = cf.CFStringCreateWithCString(None, reason.encode("utf-8"), _CF_STRING_UTF8)
    assertion = ctypes.c_uint32(0)
    try:
        result = iokit.IOPMAssertionCreateWithName(
            kind, MAC_ASSERTION_LEVEL_ON, name, ctypes.byref(assertion)
        )
    finally:
        cf.CFRelease(kind)
        cf.CFRelease(name)
    return int(assertion.value) if result == 0 else None  # 0: kIOReturnSuccess


class ScreenInhibitor:
    """Asks the system not to blank or lock the screen while held; `problem` tells why it could not."""

    def __init__(self, *, app_name: str = "sitimer", timeout_ms: int = 1000, platform: str = sys.platform):
        self.app_name = app_name
        self.timeout_ms = timeout_ms
        self.platform = platform
        self.problem: str | None = None  # why inhibit() failed, one line for the log
        self._cookie: int | None = None  # D-Bus: what UnInhibit needs back
        self._screensaver: QDBusInterface | None = None
        self._path = PATHS[0]
        self._windows_held = False
        self._mac_assertion: int | None = None  # macOS: what IOPMAssertionRelease needs back

    @property
    def active(self) -> bool:
        """True while the screen is being kept awake."""
        return self._cookie is not None or self._windows_held or self._mac_assertion is not None

    def inhibit(self, reason: str) -> bool:
        """Keep the screen awake until release(); the desktop may show `reason`.

        False when it could not: the session runs all the same; `problem` says why, and the log has it.
        While already held it stays held, and the first reason stands.
        """
        if self.active:
            return True
        if HAVE_QTDBUS and (self.platform.startswith("linux") or "bsd" in self.platform):
            self.problem = self._inhibit_dbus(reason)
        elif self.platform == "win32":
            self.problem = self._inhibit_windows()
        elif self.platform == "darwin":
            self.problem = self._inhibit_macos(reason)
        else:
            self.problem = "Could not keep the screen awake: not supported on this system."
        if self.problem:
            log.warning("%s", self.problem)
        return self.problem is None

    def release(self) -> None:
        """Let the screen sleep again. Harmless when nothing is held, or called twice."""
        if self._cookie is not None:
            cookie, self._cookie = self._cookie, None
            self._uninhibit_dbus(cookie)
        if self._windows_held:
            self._windows_held = False
            _set_thread_execution_state(ES_CONTINUOUS)
        if self._mac_assertion is not None:
            assertion, self._mac_assertion = self._mac_assertion, None
            iokit, _cf = _mac_libraries()
            iokit.IOPMAssertionRelease(assertion)

    # Linux and other freedesktop systems.
    def _inhibit_dbus(self, reason: str) -> str | None:
        # Connecting has no timeout of Qt's: libdbus fails at once on a missing socket, but a bus
        # daemon that accepts and never answers would hold the session up for 25 s or more.
        if session_bus_stuck():
            log.info("screen inhibit: the session bus does not answer")
            return "Could not keep the screen awake: the D-Bus session bus does not answer."
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("screen inhibit: no session bus: %s", bus.lastError().message())
            return "Could not keep the screen awake: no D-Bus session bus."
        reply = QDBusMessage()
        for path in PATHS:
            call = QDBusMessage.createMethodCall(SERVICE, path, INTERFACE, "Inhibit")
            call.setArguments([self.app_name, reason])
            reply = bus.call(call, QDBus.CallMode.Block, self.timeout_ms)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage:
                return self._hold_cookie(bus, path, reply)
            if reply.errorName() not in _TRY_NEXT_PATH:
                break
        log.info("screen inhibit: %s: %s", reply.errorName(), reply.errorMessage())
        if reply.errorName() in _NO_SERVICE:
            return "Could not keep the screen awake: no screen saver service on the session bus."
        if reply.errorName() in _NO_ANSWER:
            return "Could not keep the screen awake: the screen saver did not answer."
        return "Could not keep the screen awake: the screen saver refused."

    def _hold_cookie(self, bus: QDBusConnection, path: str, reply: QDBusMessage) -> str | None:
        answer = reply.arguments()
        if not (answer and isinstance(answer[0], int)):
            log.info("screen inhibit: unexpected answer %r", answer)
            return "Could not keep the screen awake: the screen saver refused."
        self._cookie, self._path = answer[0], path
        # UnInhibit wants a D-Bus uint32, and PySide turns a Python int into a signed one; the
        # interface's introspected signature types the argument. Built now, while the service has
        # just answered, because its introspection call is not bounded by our timeout.
        self._screensaver = QDBusInterface(SERVICE, path, INTERFACE, bus)
        self._screensaver.setTimeout(self.timeout_ms)
        return None

    def _uninhibit_dbus(self, cookie: int) -> None:
        screensaver, self._screensaver = self._screensaver, None
        meta = screensaver.metaObject() if screensaver is not None else None
        if screensaver is not None and meta is not None and meta.indexOfMethod("UnInhibit(uint)") >= 0:
            QMetaObject.invokeMethod(
                screensaver, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
            )
            error = screensaver.lastError()
            if error.isValid():
                log.info("screen uninhibit: %s: %s", error.name(), error.message())
            return
        # No introspection to go by: send the cookie as it is and hope the service is lenient.
        call = QDBusMessage.createMethodCall(SERVICE, self._path, INTERFACE, "UnInhibit")
        call.setArguments([cookie])
        reply = QDBusConnection.sessionBus().call(call, QDBus.CallMode.Block, self.timeout_ms)
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            log.info("screen uninhibit: %s: %s", reply.errorName(), reply.errorMessage())

    # Windows.
    def _inhibit_windows(self) -> str | None:
        if _set_thread_execution_state(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED) == 0:
            return "Could not keep the screen awake: Windows refused."
        self._windows_held = True
        return None

    # macOS.
    def _inhibit_macos(self, reason: str) -> str | None:
        try:
            self._mac_assertion = _mac_assertion(reason)
        except (OSError, AttributeError) as err:  # no IOKit to load, or not the function looked for
            log.info("screen inhibit: IOKit: %s", err)
        if self._mac_assertion is None:
            return "Could not keep the screen awake: macOS refused."
        return None
