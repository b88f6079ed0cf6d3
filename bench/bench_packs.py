"""How long a pack of 1,000 invitations takes, against raw QR generation of the same URLs.

Run: .venv/bin/python bench/bench_packs.py
"""

from __future__ import annotations

import io
import itertools
import secrets
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import segno

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from surveys.packs import InvitationSheet, PackBranding, render_pack

COUNT = 1_000
BASE_URL = "https://heard.example.org"
ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U
LANGUAGES = ("en", "ur", "pa", "pa-Arab", "bn", "ar", "pl", "ro", "so", "en-easy")
BRANDING = PackBranding(
    authority_name="Northfield City Council",
    emergency_number="999",
    advice_line_name="Children's Advice and Duty Service",
    advice_line_phone="0300 123 4567",
)


def make_sheets(count: int) -> list[InvitationSheet]:
    """COUNT sheets with random 130-bit codes, cycling through languages and respondents."""
    starts = datetime(2025, 6, 3, 9, 30, tzinfo=UTC)
    combos = itertools.cycle(
        itertools.product(LANGUAGES, ("ICPC", "RCPC", "transfer-in"), ("parent", "child"))
    )
    sheets = []
    for n, (language, conference_type, respondent) in zip(range(count), combos, strict=False):
        token = "".join(secrets.choice(ALPHABET) for _ in range(27))
        sheets.append(
            InvitationSheet(
                url=f"{BASE_URL}/f/{token}",
                typed_code="-".join(token[i : i + 4] for i in range(0, len(token), 4)),
                code_entry_url=f"{BASE_URL}/code",
                language=language,
                conference_type=conference_type,
                starts_at=starts + timedelta(minutes=30 * (n % 16)),
                site_name="Lifford House",
                respondent_type=respondent,
            )
        )
    return sheets


def timed(work: Callable[[], object]) -> float:
    """CPU seconds WORK took: steadier than wall time on a shared machine."""
    started = time.process_time()
    work()
    return time.process_time() - started


def segno_pngs(urls: list[str]) -> None:
    for url in urls:
        segno.make(url, error="m", micro=False).save(io.BytesIO(), kind="png", border=4)


def qrcode_pngs(urls: list[str]) -> None:
    import qrcode

    for url in urls:
        qrcode.make(url, border=4).save(io.BytesIO())


def main() -> None:
    sheets = make_sheets(COUNT)
    urls = [sheet.url for sheet in sheets]
    pack = timed(lambda: render_pack(sheets, BRANDING))
    raw = timed(lambda: segno_pngs(urls))
    print(f"pack of {COUNT} invitations (mixed languages): {pack:.2f} s CPU")
    print(f"segno, {COUNT} PNG codes of the same URLs:    {raw:.2f} s CPU")
    print(f"ratio pack / segno:                          {pack / raw:.2f}")
    try:
        raw_qrcode = timed(lambda: qrcode_pngs(urls))
    except ImportError:
        print("qrcode: not installed, skipped")
    else:
        print(f"qrcode, {COUNT} PNG codes of the same URLs:   {raw_qrcode:.2f} s CPU")
        print(f"ratio pack / qrcode:                         {pack / raw_qrcode:.2f}")


if __name__ == "__main__":
    main()
