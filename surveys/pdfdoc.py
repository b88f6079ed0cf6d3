"""Drawing A4 documents with shaped text in every supported script, and QR codes as vectors.

The bundled Noto fonts are added once per document; HarfBuzz (through fpdf2) shapes the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import segno
from fpdf import FPDF, XPos, YPos
from fpdf.enums import PDFResourceType
from fpdf.fonts import TTFFont

from heard.i18n import gettext, language

FONTS_DIR = Path(__file__).parent / "fonts"
PT = 25.4 / 72  # millimetres in a point
MARGIN = 20.0
CONTENT_WIDTH = 210.0 - 2 * MARGIN
QR_SYMBOL_MM = 62.0  # the symbol itself; its quiet zone is kept clear around it


def translate(code: str, message: str) -> tuple[str, str]:
    """MESSAGE in language CODE, and the language it is really in (English if untranslated)."""
    text = gettext(code, message)
    if text == message and language(code).html_lang != "en":
        return text, "en"
    return text, language(code).code


@dataclass(frozen=True)
class Face:
    regular: str
    bold: str
    line_height: float  # as a multiple of the font size
    scale: float = 1.0  # Naskh's letters are small for their size beside Noto Sans


FACES = {
    "sans": Face("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", 1.3),
    "naskh": Face("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", 1.5, 1.15),
    "bengali": Face("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", 1.6),
    "gurmukhi": Face("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf", 1.6),
    "mono": Face("NotoSansMono-Bold.ttf", "NotoSansMono-Bold.ttf", 1.3),
}
# Urdu and Shahmukhi are usually read in Nastaliq, but fpdf2 2.8 draws Noto Nastaliq Urdu so
# that the groups of a phone number come out reversed and the text cannot be extracted;
# Naskh is read by the same readers and prints both correctly.
SCRIPT_FACES = {"Latn": "sans", "Arab": "naskh", "Beng": "bengali", "Guru": "gurmukhi"}


def face_for(code: str) -> str:
    """The bundled face (a key of FACES) that prints language CODE."""
    return SCRIPT_FACES.get(language(code).script, "sans")


def align_for(code: str) -> str:
    """How text in language CODE is aligned: against the right margin if written right to left."""
    return "R" if language(code).rtl else "L"


def font_file(code: str, *, bold: bool = False) -> Path:
    """The font file that prints language CODE."""
    face = FACES[face_for(code)]
    return FONTS_DIR / (face.bold if bold else face.regular)


class _Paragraph(NamedTuple):
    text: str
    code: str
    size: float
    bold: bool
    width: float
    x: float
    face: str
    align: str


@dataclass(frozen=True)
class _Block:
    top: float
    height: float
    content: bytes
    fonts: frozenset[int]


class PackDocument(FPDF):
    """An A4 document that adds each bundled font once, on first use, and draws shaped text."""

    def __init__(self) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.c_margin = 0
        self.set_creator("Heard")
        self._faces: set[str] = set()
        self._blocks: dict[Hashable, _Block] = {}
        self.use_face("sans", 12)
        self.set_fallback_fonts(["sans"])  # digits and Latin names inside other scripts

    def use_face(self, name: str, size: float, *, bold: bool = False, code: str = "en") -> None:
        """Select face NAME (a key of FACES) for text in language CODE."""
        face = FACES[name]
        if name not in self._faces:
            self.add_font(name, "", FONTS_DIR / face.regular)
            if face.bold != face.regular:
                self.add_font(name, "B", FONTS_DIR / face.bold)
            self._faces.add(name)
        self.set_font(name, "B" if bold and face.bold != face.regular else "", size * face.scale)
        if name == "mono":  # codes and addresses: ASCII, nothing to shape
            self.set_text_shaping(False)
        else:
            lang = language(code)
            self.set_text_shaping(True, direction=lang.direction, language=lang.html_lang)

    def paragraph(
        self,
        text: str,
        *,
        code: str = "en",
        size: float = 12,
        bold: bool = False,
        width: float = CONTENT_WIDTH,
        x: float = MARGIN,
        face: str | None = None,
        align: str | None = None,
    ) -> None:
        """Write TEXT from the cursor down as language CODE: its font, direction and alignment."""
        face = face or face_for(code)
        spec = _Paragraph(text, code, size, bold, width, x, face, align or align_for(code))
        self._replay_or_record(spec, lambda: self._draw(spec))

    def _draw(self, p: _Paragraph) -> None:
        self.use_face(p.face, p.size, bold=p.bold, code=p.code)
        line_height = self.font_size_pt * PT * FACES[p.face].line_height
        for line in greedy_lines(p.text, p.width, self.get_string_width):
            self.set_x(p.x)
            self.cell(p.width, line_height, line, align=p.align, new_x=XPos.LEFT, new_y=YPos.NEXT)

    def say(self, message: str, *, code: str, **style: Any) -> None:
        """Write MESSAGE in language CODE; an untranslated one in English, aligned as CODE."""
        text, as_code = translate(code, message)
        style.setdefault("align", align_for(code))
        self.paragraph(text, code=as_code, **style)

    def gap(self, mm: float) -> None:
        self.set_y(self.get_y() + mm)

    def _replay_or_record(self, key: Hashable, draw: Callable[[], None]) -> None:
        """Run DRAW, or replay what it drew the first time KEY was drawn, moved to the cursor.

        Most of a sheet is the same for every invitee with the same language and role: shaping
        each paragraph once per document, not once per page, makes a pack several times faster.
        """
        recorded = self._blocks.get(key)
        if recorded is None:
            self._blocks[key] = self._record(draw)
            return
        # fpdf2 has no form XObjects: the recorded operators, which select their own fonts,
        # are replayed inside a saved graphics state, shifted down to the cursor.
        self._out(f"q 1 0 0 1 0 {(recorded.top - self.get_y()) * self.k:.2f} cm")
        self._out(recorded.content)
        self._out("Q")
        for font in recorded.fonts:
            self._resource_catalog.add(PDFResourceType.FONT, font, self.page)
        self.gap(recorded.height)

    def _record(self, draw: Callable[[], None]) -> _Block:
        top = self.get_y()
        self.current_font_is_set_on_page = False  # so that the block selects its first font
        contents = self.pages[self.page].contents
        assert isinstance(contents, bytearray)  # fpdf2 builds pages as bytearrays
        start = len(contents)
        draw()
        content = bytes(contents[start:])
        fonts = frozenset(int(i) for i in re.findall(rb"/F(\d+) [\d.]+ Tf", content))
        return _Block(top, self.get_y() - top, content, fonts)

    def qr(self, url: str, *, x: float, y: float, size: float = QR_SYMBOL_MM) -> float:
        """Draw URL's QR symbol, SIZE mm wide, at X, Y; return the module size."""
        rows = qr_matrix(url)
        module = size / len(rows)
        # One path for the whole symbol: fpdf2's rect() costs ~10 µs a call and a code has
        # ~300 runs; vector modules also stay crisp at any printer resolution.
        k, height = self.k, self.h
        ops = [
            f"{left * k:.2f} {(height - top) * k:.2f} {w * k:.2f} {-module * k:.2f} re"
            for left, top, w in dark_runs(rows, x, y, module)
        ]
        self._out("\n".join([*ops, "f"]))
        return module

    def to_bytes(self) -> bytes:
        return bytes(self.output())

    def __enter__(self) -> PackDocument:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for font in self.fonts.values():  # fpdf2 closes only the fonts that output() embedded
            if isinstance(font, TTFFont):
                font.close()


@lru_cache(maxsize=4)
def qr_matrix(url: str) -> tuple[bytearray, ...]:
    """URL's QR code, error correction M (or higher where it fits), without the quiet zone."""
    return tuple(segno.make(url, error="m", micro=False).matrix)


def greedy_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """TEXT broken at spaces into lines no wider than WIDTH (a longer word gets its own line).

    fpdf2's multi_cell reshapes the whole line for every character it adds; measuring each
    word once is linear.
    """
    if measure(text) <= width:
        return [text]
    space, lines, line, used = measure(" "), [], "", 0.0
    for word in text.split(" "):
        word_width = measure(word)
        if line and used + space + word_width > width:
            lines.append(line)
            line, used = "", 0.0
        line, used = (f"{line} {word}", used + space + word_width) if line else (word, word_width)
    return [*lines, line]


def dark_runs(
    rows: Iterable[bytearray], x: float, y: float, module: float
) -> list[tuple[float, float, float]]:
    """Horizontal runs of dark modules as (left, top, width) in millimetres."""
    runs = []
    for r, row in enumerate(rows):
        start = None
        for c, dark in enumerate((*row, 0)):
            if dark and start is None:
                start = c
            elif not dark and start is not None:
                runs.append((x + start * module, y + r * module, (c - start) * module))
                start = None
    return runs
