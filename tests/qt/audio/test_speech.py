"""Voice: the speech queue keeps counts on the beat; the speaker falls back when it must."""

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from sitimer.core.clock import FakeClock
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.session.cues import rep_cue
from sitimer.core.settings import Settings
from sitimer.qt.audio.engine import EngineThread, tts_engine
from sitimer.qt.audio.speech import (
    ClipSpeaker,
    SilentSpeaker,
    SpeechQueue,
    TtsSpeaker,
    make_speaker,
    start_engine,
)
from sitimer.words.phrases import Phrase, Token, phrase_for, phrase_text
from tests.conftest import REPO
from tests.helpers.fake_service import FakeService


def words(text: str) -> Phrase:
    return tuple(Token(w, None) for w in text.split())


def test_counts_that_waited_longer_than_a_beat_are_dropped():
    clock = FakeClock()
    queue = SpeechQueue(clock.monotonic)
    queue.push(words("rust, één minuut"))
    queue.push(words("rechts één"), stale_after_s=3.0)
    clock.advance(3.5)
    assert phrase_text(queue.pop()) == "rust, één minuut"  # never dropped, however late
    assert queue.pop() is None
    assert [phrase_text(p) for p in queue.dropped] == ["rechts één"]


def test_a_new_count_replaces_a_count_still_waiting():
    clock = FakeClock()
    queue = SpeechQueue(clock.monotonic)
    queue.push(words("rechts één"), stale_after_s=3.0)
    queue.push(words("volgende oefening: SI-rekken"))
    queue.push(words("links twee"), stale_after_s=3.0)
    assert [phrase_text(p) for p in (queue.pop(), queue.pop())] == [
        "volgende oefening: SI-rekken",
        "links twee",
    ]
    assert [phrase_text(p) for p in queue.dropped] == ["rechts één"]


def test_a_count_said_in_time_is_kept():
    clock = FakeClock()
    queue = SpeechQueue(clock.monotonic)
    queue.push(words("rechts één"), stale_after_s=3.0)
    clock.advance(2.9)
    assert phrase_text(queue.pop()) == "rechts één" and not queue.dropped


@pytest.fixture
def mock_tts(qapp):
    thread = EngineThread.open("en", ["mock"])
    assert thread is not None, "Qt's mock text-to-speech engine is missing"
    yield thread
    assert thread.stop(), "the engine's thread did not end"


def spoken(speaker: TtsSpeaker) -> list[str]:
    """Every text the speaker hands its engine, in order."""
    texts: list[str] = []
    speaker.handed.connect(texts.append)
    return texts


def test_phrases_are_said_in_order_and_none_is_cut_off(qtbot, mock_tts):
    speaker = TtsSpeaker(mock_tts)
    texts = spoken(speaker)
    for text in ("Windmills, set one of three", "set one of three", "right one"):
        speaker.say(words(text))
    qtbot.waitUntil(lambda: bool(texts))
    assert texts == ["Windmills, set one of three"]  # one at a time: the rest wait their turn
    with qtbot.waitSignal(speaker.idle, timeout=5000):
        pass
    assert texts == ["Windmills, set one of three", "set one of three", "right one"]
    assert not speaker.busy


def test_when_the_voice_falls_behind_stale_counts_are_left_out(qtbot, mock_tts):
    clock = FakeClock()
    speaker = TtsSpeaker(mock_tts, clock=clock.monotonic)
    texts = spoken(speaker)
    speaker.say(words("next exercise: SI stretch"))  # still being said while counts come in
    for n in ("one", "two", "three"):
        clock.advance(2.0)
        speaker.say(words(f"right {n}"), stale_after_s=2.0)
    speaker.say(words("rest, one minute"))
    with qtbot.waitSignal(speaker.idle, timeout=5000):
        pass
    # "one" and "two" were superseded by newer counts; "three" was still fresh when its turn came
    assert texts == ["next exercise: SI stretch", "right three", "rest, one minute"]
    assert [phrase_text(p) for p in speaker.queue.dropped] == ["right one", "right two"]


def test_a_muted_speaker_says_nothing(qtbot, mock_tts):
    speaker = TtsSpeaker(mock_tts)
    texts = spoken(speaker)
    speaker.set_muted(True)
    speaker.say(words("right one"))
    assert texts == [] and not speaker.busy


def test_the_speech_engine_is_used_when_it_has_a_voice_for_the_language(qapp):
    speaker, notice = make_speaker("en", Settings(), engines=["mock"])
    assert isinstance(speaker, TtsSpeaker) and notice is None
    assert speaker.engine.locale().language() == speaker.engine.locale().Language.English


def test_an_engine_begun_ahead_is_the_one_that_speaks(qapp):
    ahead = start_engine("en", ["mock"])  # as the start screen comes up
    speaker, notice = make_speaker("en", Settings(), prepared=ahead)
    assert isinstance(speaker, TtsSpeaker) and notice is None
    assert speaker.engine is ahead.engine


def test_an_engine_begun_ahead_is_let_go_when_the_voice_is_off(qapp):
    ahead = start_engine("en", ["mock"])
    speaker, _ = make_speaker("en", Settings(voice=False), prepared=ahead)
    assert isinstance(speaker, SilentSpeaker)
    ahead.started.wait(5)
    assert ahead.stop(5)  # its thread has ended (or ends now): nothing left running


def test_without_a_voice_or_a_sound_device_cues_are_not_spoken_and_the_user_is_told(qapp):
    # the mock engine has no Dutch voice
    speaker, notice = make_speaker("nl", Settings(), engines=["mock"], device_check=lambda: False)
    assert isinstance(speaker, SilentSpeaker)
    assert notice == "No Dutch speech voice and no sound device: cues are not spoken"


def test_without_clips_for_the_language_nothing_is_spoken(qapp, tmp_path: Path):
    speaker, notice = make_speaker("nl", Settings(), engines=[], clips=tmp_path, device_check=lambda: True)
    assert isinstance(speaker, SilentSpeaker)
    assert notice == "No Dutch speech voice: cues are not spoken"


def test_voice_off_in_the_settings_means_silence_without_a_notice(qapp):
    speaker, notice = make_speaker("nl", Settings(voice=False))
    assert isinstance(speaker, SilentSpeaker) and notice is None


def test_an_engine_that_does_not_exist_is_passed_over(qapp):
    assert tts_engine("en", ["no-such-engine"]) is None


@pytest.mark.sound  # the clips need a sound server to load
def test_a_stuck_speech_dispatcher_does_not_hold_up_the_session(qapp, tmp_path, monkeypatch, caplog):
    # Qt's speechd engine would wait for this one for ever; the recorded clips speak instead.
    # The patient still hears every cue, so the service's name stays in the log, off the screen.
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'speechd.sock'}")
    with FakeService(tmp_path / "speechd.sock", answer=None):
        speaker, notice = make_speaker("nl", Settings(), engines=["speechd"], device_check=lambda: True)
    assert isinstance(speaker, ClipSpeaker)
    assert notice is None
    assert "speech-dispatcher does not answer" in caplog.text


HANGS_AFTER_ITS_FIRST_ANSWER = """
import json, os, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from sitimer.qt.audio.engine import EngineThread
start = time.monotonic()
thread = EngineThread.open("nl", ["speechd"], wait_s=2.0)
print(json.dumps({"engine": thread is not None, "seconds": time.monotonic() - start}), flush=True)
os._exit(0)  # the engine's thread stays blocked in speech-dispatcher's client: left behind
"""


def test_a_speech_dispatcher_that_hangs_after_its_first_answer_holds_only_the_engines_thread(tmp_path):
    """It answered the probe's first question, then hung while Qt listed its voices: the engine's
    thread, blocked inside a Python call, kept Python's lock, and the whole app froze with a
    blank window, deaf to SIGTERM (seen in a QA run). Now only that thread waits."""
    folder = Path(tempfile.mkdtemp(prefix="spd-"))  # a socket's path may not pass 107 bytes
    sock = folder / "speechd.sock"
    env = {**os.environ, "SPEECHD_ADDRESS": f"unix_socket:{sock}", "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = str(REPO)
    try:
        with FakeService(sock, answer=b"208 OK CLIENT NAME SET\r\n"):
            done = subprocess.run(
                [sys.executable, "-c", HANGS_AFTER_ITS_FIRST_ANSWER],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["engine"] is False and report["seconds"] < 10, report


@pytest.mark.speech
def test_speech_dispatcher_speaks_dutch_on_the_sink(qtbot, speech_dispatcher, recording, si_gewricht):
    # what the app does: the speechd engine wins when it has a voice for the language
    speaker, notice = make_speaker("nl", Settings(volume=1.0))
    assert isinstance(speaker, TtsSpeaker) and notice is None
    assert speaker.engine.engine() == "speechd"
    assert speaker.engine.locale().language() == QLocale.Language.Dutch
    plan = build_plan(load_file(si_gewricht))
    work = next(s for s in plan.steps if s.kind is StepKind.WORK)
    phrase = phrase_for(rep_cue(work, 1, 3.0), "nl")
    assert phrase is not None and phrase_text(phrase) == "rechts één"
    recording.mark("start")
    with qtbot.waitSignal(speaker.idle, timeout=15000):
        speaker.say(phrase)
    qtbot.waitUntil(lambda: recording.has(0.5, after="start"), timeout=5000)
    recording.mark("end")
    assert recording.rms("start", "end") > 0.05


@pytest.mark.speech
def test_speech_dispatcher_is_as_loud_as_the_tones_at_the_default_volume(qtbot, speech_dispatcher, recording):
    from sitimer.qt.audio.tones import QtTonePlayer, Tone, make_tone_player

    tones, _ = make_tone_player(Settings())
    assert isinstance(tones, QtTonePlayer)
    speaker, notice = make_speaker("en", Settings())
    assert isinstance(speaker, TtsSpeaker) and notice is None

    recording.mark("tone")
    with qtbot.waitSignal(tones.sounds.finished, timeout=5000, check_params_cb=lambda key: key == "start"):
        assert tones.play(Tone.START)
    qtbot.waitUntil(lambda: recording.has(0.5, after="tone"), timeout=5000)
    recording.mark("words")
    with qtbot.waitSignal(speaker.idle, timeout=15000):
        speaker.say(words("one two three hold"))
    qtbot.waitUntil(lambda: recording.has(0.5, after="words"), timeout=5000)
    recording.mark("end")

    tone, voice = recording.rms("tone", "words"), recording.rms("words", "end")
    assert tone > 0.01 and voice > 0.01  # both heard
    louder_db = 20 * math.log10(voice / tone)
    assert abs(louder_db) < 4, f"the voice is {louder_db:+.1f} dB against the start tone"


@pytest.mark.speech
def test_speech_dispatcher_says_the_next_phrase_after_a_stop_mid_phrase(qtbot, speech_dispatcher, recording):
    """A skip while a count was being said: the phrase queued after the stop was never begun, the
    voice was taken for broken, and the rest of the session went unsaid (speech-dispatcher 0.11)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    speaker, notice = make_speaker("en", Settings(volume=1.0))
    assert isinstance(speaker, TtsSpeaker) and notice is None
    failed: list[str] = []
    speaker.failed.connect(failed.append)
    speaking: list[bool] = []
    speaker.engine.stateChanged.connect(lambda state: speaking.append(state is QTextToSpeech.State.Speaking))
    speaker.say(words("right one, a rather long phrase that the patient skips away from"))
    qtbot.waitUntil(lambda: any(speaking), timeout=10000)
    speaker.stop()  # the skip
    recording.mark("after")
    with qtbot.waitSignal(speaker.idle, timeout=15000):
        speaker.say(words("rest, one minute"))
    qtbot.waitUntil(lambda: recording.has(0.5, after="after"), timeout=5000)
    recording.mark("end")
    assert not failed
    assert recording.rms("after", "end") > 0.01  # said, not only handed over
