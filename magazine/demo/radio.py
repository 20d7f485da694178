"""A short, seamless audio loop for the demo station, written with the standard library."""

import math
import struct
import wave
from pathlib import Path

from django.conf import settings

LOOP_PATH = "radio/demo-loop.wav"
RATE = 22050
SECONDS = 4


def write_demo_loop():
    """Write a gentle four-chord loop to MEDIA_ROOT and return its URL (kept if present)."""
    path = Path(settings.MEDIA_ROOT) / LOOP_PATH
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        chords = [
            (261.63, 329.63, 392.0),
            (220.0, 261.63, 329.63),
            (174.61, 220.0, 261.63),
            (196.0, 246.94, 293.66),
        ]
        frames = bytearray()
        per_chord = RATE * SECONDS // len(chords)
        for chord in chords:
            for n in range(per_chord):
                t = n / RATE
                # Soft attack and release so the loop has no clicks at the joins.
                envelope = min(1.0, n / 800, (per_chord - n) / 800)
                sample = sum(math.sin(2 * math.pi * f * t) for f in chord) / len(chord)
                frames += struct.pack("<h", int(sample * envelope * 0.35 * 32767))
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(bytes(frames))
    return settings.MEDIA_URL + LOOP_PATH
