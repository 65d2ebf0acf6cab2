"""SessionSound: the tone and the words of each cue of a real session, and the fallbacks."""

import pytest

from sitimer.core.clock import FakeClock
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import Plan, build_plan
from sitimer.core.session.cues import CueKind, rep_cue, step_cues
from sitimer.core.session.engine import Event, EventKind, SessionEngine, State
from sitimer.core.settings import Settings
from sitimer.qt.audio.engine import EngineThread
from sitimer.qt.audio.speech import QueuedSpeaker, TtsSpeaker
from sitimer.qt.audio.tones import Tone
from sitimer.qt.session.sound import SessionSound
from sitimer.words.phrases import Phrase, phrase_text
from tests.helpers.sound import FakeSpeaker, FakeTones


class SlowVoice(QueuedSpeaker):
    """A speaker that takes as long as the test says: a phrase ends when ``finish`` is called."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock.monotonic)
        self.begun: list[str] = []

    def set_volume(self, volume: float) -> None:
        pass

    def finish(self) -> None:
        self._done()

    def _begin(self, phrase: Phrase) -> None:
        self.begun.append(phrase_text(phrase))

    def _halt(self) -> None:
        pass


@pytest.fixture
def gewricht(si_gewricht) -> Plan:
    return build_plan(load_file(si_gewricht))


def run(
    sound: SessionSound, plan: Plan, until_s: float, clock: FakeClock | None = None, *, late_s: float = 0.0
) -> list[Event]:
    """Walk a session on a fake clock for ``until_s`` seconds, feeding every event to ``sound``.

    ``late_s``: the driver wakes that late every time, so due events come out in bunches.
    """
    clock = clock or FakeClock()
    engine = SessionEngine(plan, clock)
    events = engine.start()
    end = clock.now + until_s
    while True:
        for event in events:
            sound.on_event(event)
        deadline = engine.next_deadline()
        if engine.state is not State.RUNNING or deadline is None or deadline > end:
            return events
        clock.now = deadline + late_s
        events = engine.advance()


def test_the_first_exercise_sounds_as_planned(qapp, gewricht):
    tones, speaker = FakeTones(), FakeSpeaker()
    sound = SessionSound("nl", Settings(), tones, speaker)
    run(sound, gewricht, 15 + 2 * 3.0 + 0.5)  # prepare, then two counts
    assert speaker.said == [
        ("Molenwieken, serie één van drie, dertig keer", None),
        ("begin rechts: rechterhand naar linkervoet", None),  # the side the counts start on
        ("rechts één", 3.0),  # a count goes stale after one beat of the programme's tempo
        ("links twee", 3.0),
    ]
    assert tones.played == [Tone.PIP, Tone.PIP, Tone.PIP, Tone.START]  # 3-2-1, go; counts silent


def test_a_set_ends_with_a_tone_and_the_rest_is_announced(qapp, gewricht):
    tones, speaker = FakeTones(), FakeSpeaker()
    sound = SessionSound("en", Settings(), tones, speaker)
    run(sound, gewricht, 15 + 90 + 0.5)
    assert ("rest, one minute", None) in speaker.said
    assert speaker.said[-1] == ("rest, one minute", None)
    assert tones.played[-1] is Tone.END
    assert [t for t, s in speaker.said if s is not None][-1] == "left thirty"


def test_a_late_wake_up_keeps_the_true_beat_and_a_demonstration_speed_is_followed(qapp, gewricht):
    speaker = FakeSpeaker()
    sound = SessionSound("nl", Settings(), FakeTones(), speaker)
    run(sound, gewricht, 15 + 4 * 3.0 + 0.5, late_s=5.0)  # counts arrive two at a time
    beats = [s for _, s in speaker.said if s is not None]
    assert len(beats) >= 4 and set(beats) == {3.0}
    demo = FakeSpeaker()
    fast = SessionSound("nl", Settings(), FakeTones(), demo, real_seconds=lambda s: s / 5)
    run(fast, gewricht, 15 + 2 * 3.0 + 0.5)
    assert [s for _, s in demo.said if s is not None] == [pytest.approx(0.6), pytest.approx(0.6)]


def test_the_rep_tone_ticks_every_count_when_chosen(qapp, gewricht):
    tones = FakeTones()
    sound = SessionSound("nl", Settings(rep_tone=True), tones, FakeSpeaker())
    run(sound, gewricht, 15 + 5 * 3.0 + 0.5)
    assert tones.played.count(Tone.REP) == 5


def test_counts_without_sides_when_chosen(qapp, gewricht):
    speaker = FakeSpeaker()
    sound = SessionSound("nl", Settings(count_sides=False), FakeTones(), speaker)
    run(sound, gewricht, 15 + 2 * 3.0 + 0.5)
    assert [t for t, _ in speaker.said[-2:]] == ["één", "twee"]


def test_the_whole_session_ends_with_the_complete_tone_and_words(qapp, gewricht):
    tones, speaker = FakeTones(), FakeSpeaker()
    sound = SessionSound("nl", Settings(), tones, speaker)
    tones.keep_alive = True
    events = run(sound, gewricht, gewricht.total_s + 1)
    assert events[-1].kind is EventKind.FINISHED
    assert tones.played[-1] is Tone.COMPLETE and speaker.said[-1] == ("klaar, goed gedaan", None)
    assert not tones.keep_alive  # the keep-alive loop stops with the session
    # the rest before the next exercise ends on the "end" tone, then its name is said
    assert ("volgende oefening: SI-rekken", None) in speaker.said
    assert ("wissel van kant: links, linkerknie naar rechts", None) in speaker.said


def test_without_a_sound_device_cues_flash_and_the_user_is_told_once(qtbot, gewricht):
    tones = FakeTones(available=False)
    sound = SessionSound("nl", Settings(), tones, FakeSpeaker())
    flashes: list[str] = []
    notices: list[str] = []
    sound.flash.connect(flashes.append)
    sound.notices.watch(notices.append)
    run(sound, gewricht, 15 + 2 * 3.0 + 0.5)
    assert flashes == ["countdown", "countdown", "countdown", "start", "rep", "rep"]
    assert notices == ["No sound device: cues are shown as flashes"]


def test_a_tone_that_fails_to_play_flashes_instead(qtbot, gewricht):
    tones = FakeTones()
    tones.play = lambda tone: False  # type: ignore[method-assign]
    sound = SessionSound("nl", Settings(), tones, FakeSpeaker())
    with qtbot.waitSignal(sound.flash) as blocker:
        run(sound, gewricht, 15.5)
    assert blocker.args == [CueKind.COUNTDOWN.value]


def test_muted_means_no_tone_no_words_but_flashes(qtbot, gewricht):
    tones, speaker = FakeTones(), FakeSpeaker()
    sound = SessionSound("nl", Settings(), tones, speaker)
    sound.set_muted(True)
    flashes: list[str] = []
    notices: list[str] = []
    sound.flash.connect(flashes.append)
    sound.notices.watch(notices.append)
    run(sound, gewricht, 15 + 3.5)
    assert tones.played == [] and speaker.said == []
    assert flashes[-2:] == ["start", "rep"] and notices == []
    assert tones.muted and speaker.muted


def test_pausing_and_going_on_are_said_for_whoever_cannot_see_the_screen(qapp, gewricht):
    def said(lang: str, settings: Settings, *, muted: bool = False) -> list[tuple[str, float | None]]:
        engine = SessionEngine(gewricht, FakeClock())
        speaker = FakeSpeaker()
        sound = SessionSound(lang, settings, FakeTones(), speaker)
        sound.set_muted(muted)
        engine.start()  # its cues left out: only what pausing and going on say
        for event in [*engine.toggle_pause(), *engine.toggle_pause()]:
            sound.on_event(event)
        return speaker.said

    assert said("nl", Settings()) == [("pauze", None), ("we gaan verder", None)]
    assert said("en", Settings()) == [("paused", None), ("carrying on", None)]
    assert said("nl", Settings(voice=False)) == []  # the voice switched off stays off
    assert said("nl", Settings(), muted=True) == []  # muted: nothing at all


def test_the_sound_coming_back_on_is_said(qapp):
    for lang, settings, said in (
        ("nl", Settings(), [("geluid aan", None)]),
        ("en", Settings(), [("sound on", None)]),
        ("nl", Settings(voice=False), []),  # tones only, as chosen: no words
    ):
        speaker = FakeSpeaker()
        sound = SessionSound(lang, settings, FakeTones(), speaker)
        sound.set_muted(False)  # not muted before: nothing came back
        sound.set_muted(True)
        sound.set_muted(True)
        assert speaker.said == []
        sound.set_muted(False)
        assert speaker.said == said, lang


def test_volume_reaches_tones_and_voice(qapp, gewricht):
    tones, speaker = FakeTones(), FakeSpeaker()
    sound = SessionSound("nl", Settings(volume=0.3), tones, speaker)
    assert tones.volume == speaker.volume == 0.3
    sound.set_volume(0.6)
    assert tones.volume == speaker.volume == 0.6
    assert sound.settings.volume == 0.6


def test_voice_off_keeps_the_tones(qapp, gewricht):
    tones, speaker = FakeTones(), FakeSpeaker()
    sound = SessionSound("nl", Settings(voice=False), tones, speaker)
    run(sound, gewricht, 15.5)
    assert speaker.said == [] and tones.played == [Tone.PIP, Tone.PIP, Tone.PIP, Tone.START]


def test_when_the_voice_falls_behind_it_skips_stale_counts_but_no_announcement(qapp, gewricht):
    clock = FakeClock()
    voice = SlowVoice(clock)
    sound = SessionSound("nl", Settings(), FakeTones(), voice)
    # The voice is stuck on the announcements while three counts come in, one beat apart.
    run(sound, gewricht, 15 + 3 * 3.0 + 0.5, clock=clock)
    assert voice.begun == ["Molenwieken, serie één van drie, dertig keer"]
    voice.finish()
    voice.finish()
    assert voice.begun == [
        "Molenwieken, serie één van drie, dertig keer",
        "begin rechts: rechterhand naar linkervoet",
        "rechts drie",
    ]
    assert [phrase_text(p) for p in voice.queue.dropped] == ["rechts één", "links twee"]
    voice.finish()
    assert not voice.busy


def test_start_waits_for_the_sounds_then_plays_the_pre_roll(qtbot, gewricht):
    tones = FakeTones()
    sound = SessionSound("nl", Settings(), tones, FakeSpeaker(), preroll_ms=50)
    with qtbot.waitSignal(sound.ready, timeout=2000):
        sound.start()
        assert tones.keep_alive  # the near-silent loop runs before the first cue
    sound.stop()
    assert not tones.keep_alive


def test_a_sound_that_never_loads_does_not_hold_the_session(qtbot, gewricht):
    tones = FakeTones(loads=False)
    sound = SessionSound("nl", Settings(), tones, FakeSpeaker(), preroll_ms=0, load_wait_ms=50)
    with qtbot.waitSignal(sound.ready, timeout=2000):
        sound.start()
    assert tones.keep_alive


def test_an_exercise_after_a_rest_begins_with_the_end_tone(qapp, gewricht):
    sound = SessionSound("nl", Settings(), FakeTones(), FakeSpeaker())
    named = {
        c.exercise: sound.tone_for(c)
        for s in gewricht.steps
        for c in step_cues(gewricht, s.index)
        if c.kind is CueKind.EXERCISE
    }
    # the session's first exercise has no rest before it; every later one ends a rest
    assert named == {
        "molenwieken": None,
        "si-rekken": Tone.END,
        "roteren": Tone.END,
        "krachtoefening": Tone.END,
    }


def test_a_speech_engine_that_breaks_down_is_told_once_in_plain_words(qtbot, gewricht, caplog, monkeypatch):
    from sitimer.qt.session import sound as session_sound

    monkeypatch.setattr(session_sound, "has_sound_device", lambda: False)  # no recorded voice either
    thread = EngineThread.open("en", ["mock"])
    assert thread is not None
    speaker = TtsSpeaker(thread)
    sound = SessionSound("en", Settings(), FakeTones(), speaker)
    told: list[str] = []
    sound.notices.watch(told.append)
    speaker.failed.emit("QTextToSpeech::Error::Synthesis: engine crashed")
    qtbot.waitUntil(lambda: bool(told))
    speaker.failed.emit("QTextToSpeech::Error::Synthesis: engine crashed")
    assert told == ["The voice has stopped. Follow the screen and the tones."]
    assert "engine crashed" in caplog.text  # the technical reason, for whoever reads the log


def test_the_voice_stopped_line_goes_when_the_voice_speaks_again_and_is_told_again_next_time(
    qtbot, monkeypatch
):
    """Another program speaking through speech-dispatcher held sitimer's phrase back long enough
    for it to be taken for stopped; once it spoke again the orange line stayed for good."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    from sitimer.qt.session import sound as session_sound

    monkeypatch.setattr(session_sound, "has_sound_device", lambda: False)  # no recorded voice either

    thread = EngineThread.open("en", ["mock"])
    assert thread is not None
    speaker = TtsSpeaker(thread)
    sound = SessionSound("en", Settings(), FakeTones(), speaker)
    told: list[str] = []
    over: list[str] = []
    sound.notices.watch(told.append)
    sound.notice_over.connect(over.append)
    speaker._overdue()  # a phrase taken and not begun in time
    assert told == ["The voice has stopped. Follow the screen and the tones."]
    speaker._state_changed(QTextToSpeech.State.Speaking)
    assert over == told
    speaker._heard_speaking = False
    speaker._overdue()  # stopped once more: said once more
    assert told == [over[0], over[0]]


def test_the_words_lent_to_the_cue_log_are_what_the_voice_says(qapp, gewricht):
    speaker = FakeSpeaker()
    sound = SessionSound("nl", Settings(count_sides=False), FakeTones(), speaker)
    run(sound, gewricht, 15 + 3.0 + 0.5)  # prepare, the start, the first count
    work = gewricht.steps[1]
    cues = [*step_cues(gewricht, 0), *step_cues(gewricht, 1), rep_cue(work, 1, 3.0)]
    words = [sound.words(c) for c in cues]
    assert [w for w in words if w] == [text for text, _ in speaker.said]
    assert words[-1] == "één"  # as the settings say: the count without its side
    assert all(w is None for c, w in zip(cues, words, strict=True) if c.kind is CueKind.COUNTDOWN)
    sound.set_muted(True)
    assert sound.words(cues[0]) is None  # nothing is said


def test_a_speech_engine_that_breaks_down_hands_over_to_the_recorded_voice(qtbot, gewricht, monkeypatch):
    """A patient who does not look at the screen had the tones alone, and no count, once the speech
    engine broke down: where a sound device plays the recorded clips, they speak from then on."""
    from sitimer.qt.audio.speech import ClipSpeaker
    from sitimer.qt.session import sound as session_sound

    monkeypatch.setattr(session_sound, "has_sound_device", lambda: True)
    thread = EngineThread.open("en", ["mock"])
    assert thread is not None
    speaker = TtsSpeaker(thread)
    sound = SessionSound("en", Settings(volume=0.4), FakeTones(), speaker)
    told: list[str] = []
    sound.notices.watch(told.append)
    speaker._overdue()  # a phrase taken and not begun in time
    assert isinstance(sound.speaker, ClipSpeaker) and sound.speaker.lang == "en"
    assert told == []  # nothing to tell: the cues are still heard
    said: list[list[str]] = []
    monkeypatch.setattr(sound.speaker.clips, "play", lambda key: said.append(key) or True)
    run(sound, gewricht, 0.5)
    assert said == ["name-windmills"]  # "Windmills, set one of three, thirty times", clip by clip
    sound.speaker.clips.finished.emit("name-windmills")
    assert said == ["name-windmills", "set"]
