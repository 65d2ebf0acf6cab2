"""Qt test set-up: quiet harmless Qt multimedia warnings, and real sound through a null sink.

When any selected test is marked ``sound`` or ``speech``, one PulseAudio server with a null
sink (``ci_sink``) is started for the whole run in a fresh private XDG_RUNTIME_DIR, *before*
the first Qt test: Qt Multimedia connects to PulseAudio once per process and never again, so
the server must be there before anything in the process asks Qt for an audio device. Nothing
is ever played on the machine's real speakers. speech-dispatcher, spawned on demand by Qt's
``speechd`` engine, lives in the same runtime folder and is stopped with the server.
"""

from __future__ import annotations

import array
import math
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from sitimer.core import logcap
from tests.helpers.processes import LineProcess

# Qt Multimedia first looks for PipeWire and warns when the library is missing, then uses
# PulseAudio as it should: the app's own quiet rules, set before Qt loads.
logcap.quiet_qt()

SINK = "ci_sink"
_WANTS_SOUND = pytest.StashKey[bool]()


def pytest_configure(config: pytest.Config) -> None:
    # Without any sound server Qt warns once that it could not connect; the app then flashes
    # instead of playing tones. That is an expected condition on a machine without sound.
    config.addinivalue_line("qt_log_ignore", r"PulseAudioService: pa_context_connect\(\) failed")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    config.stash[_WANTS_SOUND] = any(
        item.get_closest_marker("sound") or item.get_closest_marker("speech") for item in items
    )


@dataclass
class PulseServer:
    """A private PulseAudio server with a null sink; ``why_not`` says why there is none."""

    runtime_dir: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    why_not: str | None = None


def _kill_speech_dispatcher(runtime_dir: Path) -> None:
    pid_file = runtime_dir / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, signal.SIGTERM)
    except (OSError, ValueError):
        pass


def _start_pulse() -> tuple[PulseServer, dict[str, str | None]]:
    saved = {k: os.environ.get(k) for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER", "SPEECHD_ADDRESS")}
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        why = "pulseaudio is not installed (make test installs it: tools/system-deps.sh test)"
        return PulseServer(why_not=why), saved
    runtime = Path(tempfile.mkdtemp(prefix="sitimer-pulse-"))
    runtime.chmod(0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    os.environ.pop("PULSE_SERVER", None)  # would send the sound elsewhere
    os.environ.pop("SPEECHD_ADDRESS", None)  # likewise for speech-dispatcher
    env = dict(os.environ)
    cmd = [
        "pulseaudio",
        "--daemonize=yes",
        "--exit-idle-time=-1",
        "-n",
        "--load=module-native-protocol-unix",
        f"--load=module-null-sink sink_name={SINK}",
    ]
    try:
        subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=20)
        subprocess.run(
            ["pactl", "set-default-sink", SINK], env=env, check=True, capture_output=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError) as err:
        detail = getattr(err, "stderr", b"") or b""
        message = detail.decode(errors="replace").strip().splitlines()[-1:] or [str(err)]
        return PulseServer(runtime, env, why_not=f"PulseAudio did not start: {message[0]}"), saved
    return PulseServer(runtime, env), saved


@pytest.fixture(scope="session")
def pulse_server() -> Iterator[PulseServer]:
    """The run's PulseAudio null-sink server (started at most once)."""
    server, saved = _start_pulse()
    yield server
    if server.runtime_dir is not None:
        _kill_speech_dispatcher(server.runtime_dir)
        subprocess.run(["pulseaudio", "--kill"], env=server.env, capture_output=True, timeout=10)
        shutil.rmtree(server.runtime_dir, ignore_errors=True)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session", autouse=True)
def _sound_server_first(request: pytest.FixtureRequest) -> None:
    """Start the server (and its recording) before any Qt test, when sound tests will run."""
    if request.config.stash.get(_WANTS_SOUND, False):
        request.getfixturevalue("_sink_recording")


@pytest.fixture
def null_sink(pulse_server: PulseServer) -> PulseServer:
    """A working null sink, or the test is skipped with the reason."""
    if pulse_server.why_not:
        pytest.skip(pulse_server.why_not)
    return pulse_server


@pytest.fixture
def speech_dispatcher(null_sink: PulseServer) -> PulseServer:
    """speech-dispatcher with espeak-ng, spawned on demand by Qt's speechd engine."""
    if shutil.which("speech-dispatcher") is None or shutil.which("espeak-ng") is None:
        pytest.skip("speech-dispatcher or espeak-ng is not installed (tools/system-deps.sh run)")
    return null_sink


BYTES_PER_S = 44100 * 2 * 2  # parec's default: s16le, 2 channels, 44.1 kHz


class Recording:
    """Everything the null sink plays, recorded by ``parec`` from its monitor into a WAV file.

    One recording runs for the whole test run: a null sink with no listener renders in blocks
    of two seconds, so a fresh ``parec`` would wait that long for its first sample. Tests mark
    where the file is at a moment and measure the stretch between two marks.
    """

    def __init__(self, server: PulseServer, path: Path) -> None:
        self.path = path
        cmd = ["parec", "-d", f"{SINK}.monitor", "--latency-msec=20", "--file-format=wav", str(path)]
        self._proc = subprocess.Popen(cmd, env=server.env, stderr=subprocess.DEVNULL)
        self.marks: dict[str, int] = {}

    def size(self) -> int:
        """Bytes written so far (the header included)."""
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def has(self, seconds: float, after: str | None = None) -> bool:
        """Whether at least ``seconds`` of sound are recorded (after the mark ``after``)."""
        start = self.marks[after] if after else 0
        return self.size() - start >= seconds * BYTES_PER_S

    def mark(self, name: str) -> None:
        """Remember where the recording is now, to measure stretches between marks later."""
        self.marks[name] = self.size()

    def stop(self) -> None:
        """End the recording."""
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGINT)
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def _data_offset(self, head: bytes) -> int:
        at = 12  # after "RIFF", its size and "WAVE"
        while at + 8 <= len(head):
            chunk, size = head[at : at + 4], int.from_bytes(head[at + 4 : at + 8], "little")
            if chunk == b"data":
                return at + 8
            at += 8 + size + (size & 1)
        raise AssertionError(f"{self.path} has no data chunk")

    def rms(self, start: str, end: str) -> float:
        """The loudest 50 ms between two marks, as RMS in 0..1."""
        with self.path.open("rb") as f:
            offset = self._data_offset(f.read(4096))
            first = max(offset, self.marks[start])
            first -= (first - offset) % 4  # whole frames
            f.seek(first)
            data = array.array("h", f.read(max(0, self.marks[end] - first) // 4 * 4))
        window = int(0.05 * 44100) * 2
        loudest = 0.0
        for at in range(0, len(data), window):
            chunk = data[at : at + window]
            loudest = max(loudest, math.sqrt(sum(s * s for s in chunk) / len(chunk)) / 32768)
        return loudest


@pytest.fixture(scope="session")
def _sink_recording(pulse_server: PulseServer) -> Iterator[Recording | None]:
    if pulse_server.why_not or pulse_server.runtime_dir is None or shutil.which("parec") is None:
        yield None
        return
    rec = Recording(pulse_server, pulse_server.runtime_dir / "sink.wav")
    yield rec
    rec.stop()


@pytest.fixture
def recording(null_sink: PulseServer, _sink_recording: Recording | None, qtbot) -> Recording:  # type: ignore[no-untyped-def]
    """The null sink's recording, running and already past its first samples."""
    if _sink_recording is None:
        pytest.skip("parec is not installed (pulseaudio-utils; tools/system-deps.sh test)")
    qtbot.waitUntil(lambda: _sink_recording.has(0.05), timeout=5000)
    return _sink_recording


@pytest.fixture(autouse=True)
def _no_modal_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody answers would hang the run: unanswered, each says No / OK at once.

    Tests that answer one themselves patch it again, over this.
    """
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answer.No)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: answer.Ok)


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[IO[Any]]:
    """The stderr of the processes a test starts, shown when it fails."""
    with open(tmp_path / "stderr.log", "w+") as log:
        yield log
        log.seek(0)
        print(log.read())


@pytest.fixture
def processes() -> Iterator[list[LineProcess]]:
    """Every process a test starts, closed at its end, last first."""
    started: list[LineProcess] = []
    yield started
    for process in reversed(started):
        process.close()


@pytest.fixture
def dutch(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """sitimer's Dutch translation installed for the test (QLocale's default Dutch too)."""
    from sitimer.qt.common.translation import install_translator

    translator = install_translator(qapp, "nl")
    assert translator is not None
    yield
    qapp.removeTranslator(translator)
