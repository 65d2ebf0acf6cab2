"""The cue tones: the committed files, and what happens on a machine without sound."""

import array
import itertools
import math
import wave
from pathlib import Path

import pytest

from sitimer.core.settings import Settings
from sitimer.qt.audio.tones import (
    KEEP_ALIVE,
    SilentTonePlayer,
    Tone,
    linear_volume,
    make_tone_player,
    sounds_dir,
)


def read(name: str) -> tuple[list[float], int]:
    with wave.open(str(sounds_dir() / f"{name}.wav"), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        data = array.array("h", w.readframes(w.getnframes()))
        return [s / 32768 for s in data], w.getframerate()


def pitch_hz(samples: list[float], rate: int) -> float:
    """The pitch of a stretch, from its zero crossings."""
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return crossings * rate / len(samples)


def test_the_tones_are_short_44k_mono_files_without_clicks():
    for tone in Tone:
        samples, rate = read(tone.value)
        assert rate == 44100
        assert 0.04 < len(samples) / rate < 1.2, tone
        assert max(abs(s) for s in samples) > 0.5, tone  # loud enough to hear on the floor
        # faded in and out: the first and last millisecond start and end near zero
        assert abs(samples[0]) < 0.01 and abs(samples[-1]) < 0.01, tone
        assert max(abs(s) for s in samples[:10]) < 0.2, tone


def test_each_tone_has_its_own_pitch_or_contour():
    contours = {}
    for tone in Tone:
        samples, rate = read(tone.value)
        cut = len(samples) // 3
        contours[tone] = (round(pitch_hz(samples[:cut], rate), -1), round(pitch_hz(samples[-cut:], rate), -1))
    assert len(set(contours.values())) == len(Tone)
    assert contours[Tone.START][0] < contours[Tone.START][1]  # start rises
    assert contours[Tone.END][0] > contours[Tone.END][1]  # end falls
    assert contours[Tone.COMPLETE][0] < contours[Tone.COMPLETE][1]  # complete climbs


def test_the_keep_alive_loop_is_near_silent_but_not_digital_zero():
    samples, rate = read(KEEP_ALIVE)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    assert rate == 44100 and 0 < rms < 1e-4


def test_without_a_sound_device_tones_become_flashes_and_the_user_is_told(qapp):
    player, notice = make_tone_player(Settings(), device_check=lambda: False)
    assert isinstance(player, SilentTonePlayer)
    assert notice == "No sound device: cues are shown as flashes"
    assert player.play(Tone.START) is False and player.available is False
    loaded = []
    player.when_loaded(lambda: loaded.append(True))
    assert loaded == [True]  # nothing to wait for: the session starts at once


@pytest.mark.parametrize(("slider", "gain"), [(0.0, 0.0), (1.0, 1.0)])
def test_the_volume_slider_ends_are_silence_and_full(qapp, slider, gain):
    assert linear_volume(slider) == pytest.approx(gain)


def test_the_volume_slider_feels_even(qapp):
    gains = [linear_volume(v / 10) for v in range(11)]
    assert gains == sorted(gains) and gains[5] < 0.5  # logarithmic: half way sounds half as loud
    assert linear_volume(2.0) == pytest.approx(1.0) and linear_volume(-1.0) == 0.0


def test_the_bundled_sound_folder_is_found():
    assert (sounds_dir() / "start.wav").is_file()
    assert Path(sounds_dir()).name == "sounds"


def _levels(path: Path) -> tuple[float, float]:
    """The peak and the loudest 50 ms (RMS) of a file, in dBFS."""
    with wave.open(str(path), "rb") as w:
        rate = w.getframerate()
        data = array.array("h", w.readframes(w.getnframes()))
    assert max(abs(s) for s in data) < 32767, f"{path.name} has clipped samples"
    window = int(0.05 * rate)
    loudest = max(
        math.sqrt(sum(s * s for s in data[at : at + window]) / len(data[at : at + window]))
        for at in range(0, len(data), window)
    )
    peak = max(abs(s) for s in data)
    return 20 * math.log10(peak / 32768), 20 * math.log10(loudest / 32768)


def test_the_voice_clips_and_the_tones_are_level_with_headroom_and_nothing_clips():
    from statistics import median

    from sitimer.qt.audio.speech import clips_dir

    tones = [_levels(sounds_dir() / f"{tone.value}.wav") for tone in Tone]
    tone_loudness = median(rms for _, rms in tones)
    for lang in ("en", "nl"):
        clips = {p.name: _levels(p) for p in sorted(clips_dir(lang).glob("*.wav"))}
        assert clips
        for name, (peak, _) in clips.items():
            assert peak <= -3.0, f"{lang}/{name} peaks at {peak:.1f} dBFS: no headroom"
        clip_loudness = median(rms for _, rms in clips.values())
        assert abs(clip_loudness - tone_loudness) < 6, (lang, clip_loudness, tone_loudness)
    for peak, _ in tones:
        assert peak <= -3.0


def test_a_sound_unlike_the_others_of_its_set_is_left_out_and_named(qapp, tmp_path, caplog):
    from sitimer.qt.audio.speech import clips_dir
    from sitimer.qt.audio.tones import SoundSet

    odd = tmp_path / "odd.wav"
    odd.write_bytes((sounds_dir() / "start.wav").read_bytes())  # 44.1 kHz among 16 kHz clips
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not a wave")
    clip = clips_dir("en") / "rest.wav"
    with caplog.at_level("WARNING"):
        sounds = SoundSet({"rest": clip, "odd": odd, "broken": broken, "gone": tmp_path / "gone.wav"})
    assert sounds.keys() == {"rest"}
    assert sounds.play("odd") is False and sounds.play("gone") is False
    assert str(odd) in caplog.text and str(broken) in caplog.text
    assert "gone.wav" not in caplog.text  # a missing file is simply not there


def test_muted_tones_are_silent_but_the_pre_roll_still_wakes_the_speaker(qtbot, null_sink):
    player, _ = make_tone_player(Settings(volume=1.0, muted=True))
    assert player.play(Tone.START) is False
    player.start_keep_alive()
    assert player.sounds.is_playing(KEEP_ALIVE)
    pre_roll_over = {"timeout": 5000, "check_params_cb": lambda key: key == KEEP_ALIVE}
    with qtbot.waitSignal(player.sounds.finished, **pre_roll_over):
        player.set_muted(False)
        assert player.play(Tone.START)
        player.set_muted(True)  # muting stops the tone at once; the pre-roll plays on
        assert not player.sounds.is_playing(Tone.START) and player.sounds.is_playing(KEEP_ALIVE)
