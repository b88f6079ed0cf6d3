"""Pre-rendered read-aloud clips: one MP3 per (language, text), found by a key made from both.

The key changes whenever a translation changes, so a stale clip is never played for new text.
A human recording in the override directory (HEARD_AUDIO_DIR) wins over the packaged clip.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from heard.i18n import LANGUAGES

PACKAGED_DIR = Path(__file__).resolve().parent.parent / "webforms" / "static" / "audio"
MANIFEST = "manifest.json"
PART_SEPARATOR = " ... "  # how surveys.readaloud joins a question, its hint and its answers
ENGLISH_LANGUAGES = frozenset({"en", "en-easy"})
_KEY = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class Voice:
    espeak: str  # an espeak-ng voice name (`espeak-ng --voices`)
    words_per_minute: int = 150
    note: str = ""


# Languages missing here have no machine voice: their page shows no player until someone
# records the clips by hand. (espeak-ng 1.51 has no Somali voice; see "so" below.)
VOICES: dict[str, Voice] = {
    "en": Voice("en-gb"),
    "en-easy": Voice("en-gb", 125, "slower, for easy read"),
    "ur": Voice("ur"),
    "pa": Voice("pa"),
    # espeak-ng's pa voice only reads Gurmukhi; given Shahmukhi it spells out each Arabic
    # letter's English name. The Urdu voice reads the same script.
    "pa-Arab": Voice("ur", note="Urdu voice: espeak-ng's Punjabi voice cannot read Shahmukhi"),
    "bn": Voice("bn"),
    "ar": Voice("ar"),
    "pl": Voice("pl"),
    "ro": Voice("ro"),
    # espeak-ng has no Somali. Oromo is its closest relative there (Cushitic, the same Latin
    # conventions: doubled vowels for long ones, "dh", "q"), so it reads Somali text far better
    # than any other voice; the pharyngeals "c" and "x" come out wrong. Human recordings of
    # these texts (HEARD_AUDIO_DIR/so/) should replace them first of all.
    "so": Voice("om", note="Oromo voice, the closest espeak-ng has: replace with recordings"),
}


def clip_key(language: str, text: str) -> str:
    """A short, stable name for the clip of TEXT spoken in LANGUAGE."""
    return hashlib.sha256(f"{language}\n{text}".encode()).hexdigest()[:16]


def is_valid_key(key: str) -> bool:
    return _KEY.fullmatch(key) is not None


def clip_path(language: str, key: str, *, override_dir: str = "") -> Path | None:
    """The file for clip KEY in LANGUAGE, a human recording first; None for none or a bad name."""
    if language not in LANGUAGES or not is_valid_key(key):
        return None
    roots = [Path(override_dir)] if override_dir else []
    for root in [*roots, PACKAGED_DIR]:
        path = root / language / f"{key}.mp3"
        if path.is_file():
            return path
    return None


def find_clip(language: str, text: str, *, override_dir: str = "") -> Path | None:
    """The clip of TEXT spoken in LANGUAGE, or None when nobody has made one."""
    return clip_path(language, clip_key(language, text), override_dir=override_dir)


def manifest(language: str) -> dict[str, str]:
    """Which packaged clip says what in LANGUAGE: key -> text. Empty when none are packaged."""
    path = PACKAGED_DIR / language / MANIFEST
    if language not in LANGUAGES or not path.is_file():
        return {}
    clips: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["clips"]
    return clips


def is_untranslated(language: str, text: str, english_texts: Iterable[str]) -> bool:
    """True when TEXT, shown in a non-English LANGUAGE, still holds English source text.

    A foreign voice reading English is gibberish, so such texts get no clip until translated.
    """
    if language in ENGLISH_LANGUAGES:
        return False
    english_parts = {part for english in english_texts for part in english.split(PART_SEPARATOR)}
    return any(part in english_parts for part in text.split(PART_SEPARATOR))


def translated(language: str, texts: list[str], english_texts: list[str]) -> list[str]:
    """Those of TEXTS that are fully in LANGUAGE, so can be spoken or recorded in it."""
    return [text for text in texts if not is_untranslated(language, text, english_texts)]
