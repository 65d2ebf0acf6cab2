#!/usr/bin/env python3
"""Renders the voice clips to resources/voice/<lang>/<key>.wav with espeak-ng.

The clips are the fallback voice when no speech engine has a voice for the user's language:
every fixed word of :mod:`sitimer.words.phrases`, the numbers it needs (0-30, and the tens up to
a hundred, from which other numbers are put together), and the spoken names of the exercises
of the bundled programmes with what their sides mean. Each clip is trimmed of its leading and
trailing silence, normalised, and resampled to 16 kHz mono 16-bit, so the committed set stays
small.

Run: python tools/make_voice.py [OUT_DIR]   (needs espeak-ng on PATH)
"""

from __future__ import annotations

import array
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitimer.core.programme.loader import load_file  # noqa: E402
from sitimer.words.phrases import LANGS, clip_vocabulary, programme_words  # noqa: E402

OUT = ROOT / "resources" / "voice"
RATE = 16000
VOICES = {"nl": "nl", "en": "en-gb"}
WORDS_PER_MINUTE = 180  # a little brisker than espeak's 175: a count must fit its beat
THRESHOLD = 0.02  # of full scale: quieter than this at either end is trimmed as silence
MARGIN_S = 0.015  # kept around the sound, so consonants are not clipped
PEAK = 0.7  # -3.1 dBFS, the peak of the tones (tools/make_sounds.py): headroom, and level with them
TAPS = 8  # each side of the resampling filter


def spoken_names(lang: str) -> list[str]:
    """What the voice can say of the bundled programmes' own words, in ``lang``: the exercises'
    spoken names and what their sides mean (see :func:`programme_words`)."""
    names: list[str] = []
    for path in sorted((ROOT / "programmes").glob("*.yaml")):
        for exercise in load_file(path).exercises:
            names += [text for text in programme_words(exercise, lang) if text not in names]
    return names


def speak(text: str, lang: str, work: Path) -> tuple[list[float], int]:
    """espeak-ng's rendering of ``text``: samples in -1..1 and the sample rate."""
    out = work / "clip.wav"
    cmd = ["espeak-ng", "-v", VOICES[lang], "-s", str(WORDS_PER_MINUTE), "-w", str(out), text]
    subprocess.run(cmd, check=True)
    with wave.open(str(out), "rb") as w:
        rate = w.getframerate()
        data = array.array("h", w.readframes(w.getnframes()))
    return [s / 32768 for s in data], rate


def trim(samples: list[float], rate: int) -> list[float]:
    """Cuts the silence before and after the words, keeping a short margin."""
    loud = [i for i, s in enumerate(samples) if abs(s) > THRESHOLD]
    if not loud:
        return samples
    margin = int(MARGIN_S * rate)
    return samples[max(0, loud[0] - margin) : loud[-1] + margin]


def resample(samples: list[float], rate: int, to: int) -> list[float]:
    """Windowed-sinc resampling, low-passed below the new Nyquist frequency."""
    if rate == to:
        return samples
    step = rate / to
    cutoff = 0.45 * min(1.0, to / rate)  # in cycles per input sample
    out = []
    for i in range(int(len(samples) / step)):
        centre = i * step
        base = math.floor(centre)
        acc = 0.0
        for k in range(base - TAPS + 1, base + TAPS + 1):
            if 0 <= k < len(samples):
                x = centre - k
                window = 0.5 + 0.5 * math.cos(math.pi * x / TAPS) if abs(x) < TAPS else 0.0
                sinc = (
                    2 * cutoff * (math.sin(2 * math.pi * cutoff * x) / (2 * math.pi * cutoff * x) if x else 1)
                )
                acc += samples[k] * sinc * window
        out.append(acc)
    return out


def finish(samples: list[float], rate: int) -> list[float]:
    """Normalises to PEAK and fades the ends over 5 ms, so no clip clicks."""
    top = max((abs(s) for s in samples), default=0.0) or 1.0
    fade = max(1, int(0.005 * rate))
    n = len(samples)
    return [s * PEAK / top * min(1.0, i / fade, (n - 1 - i) / fade) for i, s in enumerate(samples)]


def write(path: Path, samples: list[float]) -> None:
    """Mono 16-bit PCM at RATE."""
    data = array.array("h", (max(-32767, min(32767, round(s * 32767))) for s in samples))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


def main(argv: list[str]) -> int:
    """Renders the whole clip vocabulary of both languages."""
    if shutil.which("espeak-ng") is None:
        print("make_voice: espeak-ng is not installed", file=sys.stderr)
        return 1
    out = Path(argv[1]) if len(argv) > 1 else OUT
    total = count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            folder = out / lang
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.wav"):
                old.unlink()
            for key, text in clip_vocabulary(lang, spoken_names(lang)).items():
                samples, rate = speak(text, lang, Path(tmp))
                clip = finish(resample(trim(samples, rate), rate, RATE), RATE)
                write(folder / f"{key}.wav", clip)
                total += (folder / f"{key}.wav").stat().st_size
                count += 1
    print(f"{count} clips in {out}, {total / 1024 / 1024:.2f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
