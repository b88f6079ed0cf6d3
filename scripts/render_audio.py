"""Render the read-aloud clips into webforms/static/audio with espeak-ng and lame.

    python scripts/render_audio.py [--language CODE ...] [--check]

Renders each text of surveys.readaloud.page_texts that has no clip yet, deletes clips no
text refers to any more, and writes each language's manifest.json. With --check it renders
nothing and exits 1 when a clip is missing. Development only: the clips are committed, so
the running app needs neither espeak-ng nor lame.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from heard.i18n import LANGUAGES
from heard.readaloud import MANIFEST, PACKAGED_DIR, VOICES, Voice, clip_key, translated
from surveys.readaloud import page_texts

WORKERS = 2
LAME_OPTIONS = ["--quiet", "-m", "m", "-b", "32"]  # espeak-ng writes 22 kHz mono: ~4 kB a second


@dataclass(frozen=True)
class Plan:
    language: str
    wanted: dict[str, str]  # key -> text
    untranslated: list[str]

    @property
    def folder(self) -> Path:
        return PACKAGED_DIR / self.language

    def missing(self) -> dict[str, str]:
        return {k: t for k, t in self.wanted.items() if not (self.folder / f"{k}.mp3").exists()}

    def stale(self) -> list[Path]:
        return [p for p in sorted(self.folder.glob("*.mp3")) if p.stem not in self.wanted]


def plan(language: str) -> Plan:
    texts, english = page_texts(language), page_texts("en")
    ready = translated(language, texts, english)
    wanted = {clip_key(language, text): text for text in ready}
    return Plan(language, wanted, [text for text in texts if text not in ready])


def render(voice: Voice, text: str, target: Path) -> None:
    """Speak TEXT into TARGET (an MP3), replacing it only once the encoding has finished."""
    with tempfile.TemporaryDirectory() as tmp:
        wav, mp3 = Path(tmp) / "clip.wav", Path(tmp) / "clip.mp3"
        speak = ["espeak-ng", "-v", voice.espeak, "-s", str(voice.words_per_minute), "-w", str(wav)]
        # Text goes in on stdin so that one starting with "-" is not read as an option.
        subprocess.run(speak, input=text.encode(), check=True)
        subprocess.run(["lame", *LAME_OPTIONS, str(wav), str(mp3)], check=True)
        os.replace(mp3, target)


def write_manifest(job: Plan) -> None:
    voice = VOICES.get(job.language)
    document = {
        "language": job.language,
        "voice": f"espeak-ng {voice.espeak}, {voice.words_per_minute} words a minute"
        if voice
        else None,
        "note": voice.note if voice else "No machine voice: every clip must be recorded by hand.",
        "clips": dict(sorted(job.wanted.items())),
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    (job.folder / MANIFEST).write_text(text, encoding="utf-8")


def build(job: Plan, pool: ThreadPoolExecutor) -> None:
    job.folder.mkdir(parents=True, exist_ok=True)
    for path in job.stale():
        print(f"{job.language}: deleting stale {path.name}")
        path.unlink()
    voice, missing = VOICES.get(job.language), job.missing()
    if voice:
        targets = [job.folder / f"{key}.mp3" for key in missing]
        list(pool.map(render, [voice] * len(missing), missing.values(), targets))
    write_manifest(job)
    have = len(job.wanted) - len(job.missing())
    rendered = f"rendered {len(missing)}" if voice else "no voice, rendered none"
    print(f"{job.language}: {rendered}; {have} of {len(job.wanted)} translated texts have a clip")
    if job.untranslated:
        print(f"{job.language}: {len(job.untranslated)} untranslated, not rendered (see --check)")


def report(job: Plan) -> Iterator[str]:
    for text in job.untranslated:
        yield f"{job.language}: untranslated, not rendered: {text[:70]}"
    status = "MISSING" if job.language in VOICES else "to record by hand (no voice)"
    for key, text in job.missing().items():
        yield f"{job.language}: {status} {key}.mp3: {text[:70]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", action="append", choices=list(LANGUAGES), metavar="CODE")
    parser.add_argument("--check", action="store_true", help="list missing clips, render none")
    args = parser.parse_args(argv)
    codes = args.language or list(LANGUAGES)
    jobs = [plan(code) for code in codes]
    if args.check:
        lines = [line for job in jobs for line in report(job)]
        print("\n".join(lines) or "All clips present.")
        return 1 if any(job.missing() for job in jobs if job.language in VOICES) else 0
    with ThreadPoolExecutor(WORKERS) as pool:  # each worker drives its own espeak-ng process
        for job in jobs:
            build(job, pool)
    return 0


if __name__ == "__main__":
    sys.exit(main())
