"""Printable invitation packs: one A4 page per invitee, and a poster for the general QR code.

Plain data in, PDF bytes out. A sheet carries no person's name, so none can be printed.
Text is shaped by HarfBuzz (fpdf2's text shaping): Arabic-script lines join and run right to
left, Bengali and Gurmukhi form conjuncts and reorder their vowel signs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time

from heard.i18n import LANGUAGES, N_, gettext, language
from surveys.pdfdoc import (
    CONTENT_WIDTH,
    MARGIN,
    QR_SYMBOL_MM,
    PackDocument,
    align_for,
    qr_matrix,
    translate,
)

LONDON = ZoneInfo("Europe/London")
QUIET_ZONE = 4  # modules
POSTER_QR_MM = 64.0
GUTTER = 8.0  # between columns of the poster's lists
COLUMN_GAP = 10.0  # between the symbol and the text beside it: the quiet zone of version 2 up

CONFERENCE_TYPES = {
    "ICPC": N_("Initial child protection conference"),
    "RCPC": N_("Review child protection conference"),
    "transfer-in": N_("Transfer-in child protection conference"),
}
HEADINGS = {
    "parent": N_("Tell us what you think of the child protection conference"),
    "child": N_("Tell us what you think about your meeting"),
    "professional": N_("Tell us how the child protection conference went"),
}
ANONYMOUS = N_("You do not have to give your name.")
INTROS = {
    "parent": (N_("We want to hear from you. It takes about 2 minutes."), ANONYMOUS),
    "child": (
        N_("We want to know what you think. It only takes a few minutes."),
        N_("You can ask an adult you trust to help you."),
    ),
    "professional": (
        N_("Your feedback helps us improve our conferences. It takes about 2 minutes."),
    ),
}
DETAIL_LABELS = {
    "child": (N_("Meeting"), N_("When"), N_("Where")),
    "adult": (N_("Conference"), N_("Date and time"), N_("Place")),
}
SCAN = N_("Scan the code with your phone camera.")
CANNOT_SCAN = N_("Cannot scan the code?")
TYPE_CODE = N_("Go to this address and type the code:")
DANGER = N_("If a child is in danger now, call {number}.")
ADVICE = N_("For advice or to report a worry about a child, call {name} on {phone}.")
POSTER_TITLE = N_("Tell us what you think of our child protection conferences")
POSTER_SCAN = N_("Scan the code with your phone camera, or go to:")
POSTER_LANGUAGES = N_("You can answer in:")


@dataclass(frozen=True)
class InvitationSheet:
    url: str  # full invitation URL with the token
    typed_code: str  # the token as shown for typing, e.g. "K7QM-3XPD-9ABC-..."
    code_entry_url: str  # where the code is typed
    language: str  # a key of heard.i18n.LANGUAGES; an unknown one prints in English
    conference_type: str  # "ICPC" | "RCPC" | "transfer-in"
    starts_at: datetime  # aware; printed in Europe/London
    site_name: str
    respondent_type: str  # "parent" | "child" | "professional"


@dataclass(frozen=True)
class PackBranding:
    authority_name: str
    emergency_number: str
    advice_line_name: str
    advice_line_phone: str


def page_language(code: str, respondent_type: str) -> str:
    """The language a sheet is printed in: CODE once its heading is translated, else English."""
    return translate(code, HEADINGS.get(respondent_type, HEADINGS["parent"]))[1]


def isolate(value: str, code: str) -> str:
    """VALUE (a name or phone number) ready to go into a sentence in language CODE.

    In right-to-left text it is isolated as left-to-right: otherwise the bidi algorithm prints
    the groups of "0300 123 4567" in reverse order.
    """
    return f"\u2066{value}\u2069" if language(code).rtl else value


def display_code(typed_code: str) -> str:
    """The typed code in groups of four, e.g. "K7QM 3XPD 9ABC"."""
    chars = "".join(ch for ch in typed_code.upper() if ch.isalnum())
    return " ".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def display_url(url: str) -> str:
    """URL as printed for typing: without the scheme, which browsers add themselves."""
    return url.removeprefix("https://").removeprefix("http://")


def format_when(starts_at: datetime, code: str) -> str:
    """STARTS_AT in Europe/London, written the way readers of language CODE expect."""
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    local = starts_at.astimezone(LONDON)
    lang = language(code)
    if lang.html_lang == "en":
        day = format_date(local, "EEEE d MMMM y", locale="en_GB")  # not strftime: no C locale
        return f"{day} at {_english_time(local)}"
    locale = _babel_locale(lang.html_lang)
    day = format_date(local, "full", locale=locale)
    time = format_time(local, "short", tzinfo=LONDON, locale=locale)
    return f"{day}{'، ' if lang.rtl else ', '}{time}"


def _english_time(local: datetime) -> str:
    """GOV.UK style: 10:30am, 2pm, midday."""
    if (local.hour, local.minute) == (12, 0):
        return "midday"
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{local.hour % 12 or 12}{minutes}{'am' if local.hour < 12 else 'pm'}"


@cache
def _babel_locale(tag: str) -> Locale:
    return Locale.parse(tag, sep="-")


def render_pack(
    sheets: Iterable[InvitationSheet],
    branding: PackBranding,
    *,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """One A4 page per sheet, in order.

    PROGRESS(1) is called after each page: it takes the number of pages just drawn, like the
    `update` of a tqdm or click progress bar.
    """
    with PackDocument() as doc:
        doc.set_title(HEADINGS["parent"])
        for sheet in sheets:
            _draw_sheet(doc, sheet, branding)
            if progress is not None:
                progress(1)
        return doc.to_bytes()


def _draw_sheet(doc: PackDocument, sheet: InvitationSheet, branding: PackBranding) -> None:
    _check(sheet)
    respondent = sheet.respondent_type
    code = page_language(sheet.language, respondent)
    rtl = language(code).rtl
    doc.add_page()
    _top(doc, branding, code, respondent)
    top = doc.get_y() + 6
    module = doc.qr(sheet.url, x=MARGIN + CONTENT_WIDTH - QR_SYMBOL_MM if rtl else MARGIN, y=top)
    doc.set_y(top - 1.5)
    _details(doc, sheet, code)
    doc.set_y(max(top + QR_SYMBOL_MM + QUIET_ZONE * module, doc.get_y() + 2))
    doc.paragraph(display_url(sheet.url), face="mono", size=10.5, align=align_for(code))
    doc.gap(8)
    _where_to_type(doc, sheet, code)
    _typed_code(doc, sheet.typed_code, align=align_for(code))
    doc.gap(9)
    _safety(doc, branding, code)


def _check(sheet: InvitationSheet) -> None:
    if sheet.conference_type not in CONFERENCE_TYPES:
        raise ValueError(f"unknown conference type {sheet.conference_type!r}")
    if sheet.respondent_type not in HEADINGS:
        raise ValueError(f"unknown respondent type {sheet.respondent_type!r}")


def _top(doc: PackDocument, branding: PackBranding, code: str, respondent: str) -> None:
    _masthead(doc, branding)
    _introduction(doc, code, respondent, size=24)
    if language(code).html_lang != "en":
        doc.gap(4)
        _introduction(doc, "en", respondent, size=15)
    doc.gap(8)


def _masthead(doc: PackDocument, branding: PackBranding) -> None:
    doc.set_y(MARGIN - 4)
    doc.paragraph(branding.authority_name, size=12, bold=True)
    doc.rect(MARGIN, doc.get_y() + 1.5, CONTENT_WIDTH, 0.6, style="F")
    doc.gap(9)


def _introduction(doc: PackDocument, code: str, respondent: str, *, size: float) -> None:
    doc.say(HEADINGS[respondent], code=code, size=size, bold=True)
    doc.gap(size * 0.12)
    for line in INTROS[respondent]:
        doc.say(line, code=code, size=max(size * 0.55, 10.5))


def _details(doc: PackDocument, sheet: InvitationSheet, code: str) -> None:
    """Beside the QR code: what to do with it, and which conference it is for."""
    column: dict[str, Any] = {
        "x": MARGIN if language(code).rtl else MARGIN + QR_SYMBOL_MM + COLUMN_GAP,
        "width": CONTENT_WIDTH - QR_SYMBOL_MM - COLUMN_GAP,
    }
    doc.say(SCAN, code=code, size=14, bold=True, **column)
    labels = DETAIL_LABELS["child" if sheet.respondent_type == "child" else "adult"]
    values = (
        translate(code, CONFERENCE_TYPES[sheet.conference_type]),
        (format_when(sheet.starts_at, code), code),
        (sheet.site_name, "en"),
    )
    for label, (value, as_code) in zip(labels, values, strict=True):
        doc.gap(3.5)
        doc.say(label, code=code, size=10.5, bold=True, **column)
        doc.paragraph(value, code=as_code, size=12.5, align=align_for(code), **column)


def _where_to_type(doc: PackDocument, sheet: InvitationSheet, code: str) -> None:
    doc.say(CANNOT_SCAN, code=code, size=13, bold=True)
    doc.say(TYPE_CODE, code=code, size=12)
    doc.gap(1)
    doc.paragraph(display_url(sheet.code_entry_url), face="mono", size=13, align=align_for(code))
    doc.gap(2)


def _typed_code(doc: PackDocument, typed_code: str, *, align: str) -> None:
    doc.use_face("mono", 24)
    groups = display_code(typed_code).split()
    for line in balanced_lines(groups, lambda text: doc.get_string_width(text) <= CONTENT_WIDTH):
        doc.paragraph(line, face="mono", size=24, align=align)


def balanced_lines(groups: list[str], fits: Callable[[str], bool]) -> list[str]:
    """The groups of a code on as few lines as fit, the lines about equally long."""
    for count in range(1, len(groups)):
        per_line = -(-len(groups) // count)
        lines = [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]
        if all(fits(line) for line in lines):
            return lines
    return groups


def _safety(doc: PackDocument, branding: PackBranding, code: str) -> None:
    """Who to call if a child is in danger, beside a black bar; in English too."""
    rtl = language(code).rtl
    top, bar = doc.get_y(), 1.8
    column: dict[str, Any] = {"x": MARGIN if rtl else MARGIN + 7, "width": CONTENT_WIDTH - 7}
    for each in (code, "en") if language(code).html_lang != "en" else (code,):
        size = 13 if each == code else 10.5
        column["align"] = align_for(each)
        danger, danger_code = translate(each, DANGER)
        number = isolate(_unbroken(branding.emergency_number), danger_code)
        doc.paragraph(
            danger.format(number=number), code=danger_code, size=size, bold=True, **column
        )
        advice, advice_code = translate(each, ADVICE)
        name = isolate(branding.advice_line_name, advice_code)
        phone = isolate(_unbroken(branding.advice_line_phone), advice_code)
        advice = advice.format(name=name, phone=phone)
        doc.paragraph(advice, code=advice_code, size=max(size * 0.9, 10), **column)
        doc.gap(1.5)
    doc.rect(
        MARGIN + CONTENT_WIDTH - bar if rtl else MARGIN, top, bar, doc.get_y() - top - 1.5, "F"
    )


def _unbroken(number: str) -> str:
    """A phone number that is never split across two lines."""
    return number.replace(" ", "\u00a0")


def render_poster(url: str, branding: PackBranding, *, title_language: str = "en") -> bytes:
    """One A4 poster for the general-purpose (untokened) QR code."""
    code = page_language(title_language, "parent")
    others = [lang for lang in LANGUAGES.values() if lang.html_lang != language(code).html_lang]
    with PackDocument() as doc:
        doc.set_title(POSTER_TITLE)
        doc.add_page()
        _masthead(doc, branding)
        doc.say(POSTER_TITLE, code=code, size=24, bold=True)
        doc.gap(3)
        _grid(doc, poster_titles(code), columns=2, size=10)
        quiet = QUIET_ZONE * POSTER_QR_MM / len(qr_matrix(url))
        doc.gap(quiet)
        doc.qr(url, x=(210 - POSTER_QR_MM) / 2, y=doc.get_y(), size=POSTER_QR_MM)
        doc.gap(POSTER_QR_MM + quiet)
        doc.say(POSTER_SCAN, code=code, size=13)
        doc.paragraph(display_url(url), face="mono", size=18, align=align_for(code))
        doc.gap(5)
        doc.say(POSTER_LANGUAGES, code=code, size=12, bold=True)
        names = [(lang.code, lang.native_name) for lang in others]
        _grid(doc, names, columns=5, size=11, align="L")
        doc.gap(6)
        _safety(doc, branding, code)
        return doc.to_bytes()


def poster_titles(code: str) -> list[tuple[str, str]]:
    """(language, title) for every other language whose title is not already shown."""
    shown = {gettext(code, POSTER_TITLE)}
    titles = []
    for lang in LANGUAGES.values():
        title = gettext(lang.code, POSTER_TITLE)
        if title not in shown and lang.html_lang != language(code).html_lang:
            titles.append((lang.code, title))
            shown.add(title)
    return titles


def _grid(
    doc: PackDocument, cells: list[tuple[str, str]], *, columns: int, size: float, **style: Any
) -> None:
    """Texts in rows of COLUMNS, each set in its own language's font and direction."""
    width = CONTENT_WIDTH / columns
    for start in range(0, len(cells), columns):
        top = bottom = doc.get_y()
        for offset, (code, text) in enumerate(cells[start : start + columns]):
            doc.set_y(top)
            left = GUTTER / 2 if offset else 0.0
            right = GUTTER / 2 if offset < columns - 1 else 0.0
            x = MARGIN + offset * width + left
            doc.paragraph(text, code=code, size=size, x=x, width=width - left - right, **style)
            bottom = max(bottom, doc.get_y())
        doc.set_y(bottom + 1)
