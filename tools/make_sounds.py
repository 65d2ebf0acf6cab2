#!/usr/bin/env python3
"""Writes the cue tones to resources/sounds/: pure Python (wave + math), 44.1 kHz 16-bit mono.

Each tone has its own pitch and contour, so a patient who cannot see the screen tells them
apart: a rising pair to start, a short high tick per rep, a plain pip for 3-2-1, a falling pair
when a hold or rest is over, and a rising arpeggio when the session is complete. Every note
fades in and out over a few milliseconds, so no tone starts or stops with a click.
``silence.wav`` is near-silent (a faint dither, far below hearing) and loops during a session
to keep Bluetooth speakers awake; pure digital zero lets some of them fall asleep again.

Run: python tools/make_sounds.py [OUT_DIR]
"""

from __future__ import annotations

import math
import random
import struct
import sys
import wave
from pathlib import Path

RATE = 44100
FADE_S = 0.008  # long enough to kill the click, short enough to keep the attack crisp
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"

PEAK = 0.7  # every tone is scaled to this peak: loud and alike, with headroom for the voice
# (frequency Hz, start s, length s, decay); a note dies away as exp(-decay * t / length).
Note = tuple[float, float, float, float]

TONES: dict[str, list[Note]] = {
    # a rising fourth: "go"
    "start": [(659.3, 0.0, 0.14, 2.0), (880.0, 0.12, 0.22, 3.0)],
    # a short, bright tick that sits under a spoken count without masking it
    "rep": [(1568.0, 0.0, 0.06, 3.0)],
    # the 3-2-1 pip: one flat mid-high beep that does not die away
    "pip": [(1046.5, 0.0, 0.12, 0.5)],
    # a falling fourth: "stop", the mirror of start
    "end": [(880.0, 0.0, 0.14, 2.0), (587.3, 0.12, 0.3, 3.0)],
    # C-E-G-C arpeggio, the last note held: "done"
    "complete": [
        (523.3, 0.0, 0.16, 2.0),
        (659.3, 0.14, 0.16, 2.0),
        (784.0, 0.28, 0.16, 2.0),
        (1046.5, 0.42, 0.55, 3.0),
    ],
}


def render(notes: list[Note]) -> list[float]:
    """Mixes the notes into one buffer of samples, scaled to PEAK."""
    length_s = max(start + dur for _, start, dur, _ in notes)
    out = [0.0] * int(length_s * RATE + 1)
    fade = int(FADE_S * RATE)
    for freq, start, dur, decay in notes:
        first = int(start * RATE)
        count = int(dur * RATE)
        for i in range(count):
            t = i / RATE
            envelope = math.exp(-decay * t / dur)  # a struck, not a held, sound
            envelope *= min(1.0, i / fade, (count - 1 - i) / fade)
            # a little second harmonic makes small laptop speakers carry the tone
            wave_ = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
            out[first + i] += envelope * wave_
    top = max(abs(s) for s in out)
    return [s * PEAK / top for s in out]


def near_silence(seconds: float = 1.0) -> list[float]:
    """A faint triangular dither (about -90 dBFS): inaudible, but not digital zero."""
    rng = random.Random(7)  # fixed seed: the committed file does not change between runs
    return [(rng.random() - rng.random()) / 32768.0 for _ in range(int(seconds * RATE))]


def write_wav(path: Path, samples: list[float], rate: int = RATE) -> None:
    """Writes mono 16-bit PCM."""
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, round(s * 32767)))) for s in samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)


def main(argv: list[str]) -> int:
    """Writes every tone and silence.wav."""
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, notes in TONES.items():
        write_wav(out / f"{name}.wav", render(notes))
    write_wav(out / "silence.wav", near_silence())
    total = sum((out / f"{n}.wav").stat().st_size for n in [*TONES, "silence"])
    print(f"{len(TONES) + 1} sounds in {out}, {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
