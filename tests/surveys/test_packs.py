"""Printed invitation packs: every page scans to its own URL, reads correctly in its script,
and names nobody."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import uharfbuzz as hb
import zxingcpp
from babel.messages.extract import extract_from_file
from fontTools.ttLib import TTFont
from PIL import Image

from heard.i18n import LANGUAGES
from surveys import packs, pdfdoc
from surveys.packs import (
    InvitationSheet,
    PackBranding,
    balanced_lines,
    display_code,
    format_when,
    render_pack,
    render_poster,
)
from surveys.pdfdoc import PackDocument

BASE = "https://heard.example.org"
BRANDING = PackBranding(
    authority_name="Northfield City Council",
    emergency_number="999",
    advice_line_name="Children's Advice and Duty Service",
    advice_line_phone="0300 123 4567",
)
SAMPLES = {  # "We want to hear what you think", in each script's own words
    "ar": "نحن نريد أن نسمع رأيك",
    "ur": "ہم آپ کی رائے سننا چاہتے ہیں",
    "bn": "আমরা আপনার মতামত শুনতে চাই",
    "pa": "ਅਸੀਂ ਤੁਹਾਡੀ ਰਾਏ ਸੁਣਨਾ ਚਾਹੁੰਦੇ ਹਾਂ",
}
SCALE = 2  # pixels per PDF point when pages are rendered
MM = 72 / 25.4 * SCALE  # pixels per millimetre at SCALE


def make_sheet(n: int = 0, **overrides: object) -> InvitationSheet:
    token = f"K7QM3XPD9ABCDEFGHJKMNPQR{n:02d}"
    fields: dict[str, object] = {
        "url": f"{BASE}/f/{token}",
        "typed_code": "-".join(token[i : i + 4] for i in range(0, len(token), 4)),
        "code_entry_url": f"{BASE}/code",
        "language": "en",
        "conference_type": "ICPC",
        "starts_at": datetime(2025, 6, 3, 9, 30, tzinfo=UTC),
        "site_name": "Lifford House",
        "respondent_type": "parent",
    }
    return InvitationSheet(**{**fields, **overrides})  # type: ignore[arg-type]


MIXED = [
    make_sheet(0, language="en"),
    make_sheet(1, language="ur", conference_type="RCPC"),
    make_sheet(2, language="ar", respondent_type="child", conference_type="transfer-in"),
    make_sheet(3, language="bn", respondent_type="professional"),
    make_sheet(4, language="pa", respondent_type="child"),
    make_sheet(5, language="pl"),
    make_sheet(6, language="en"),  # the same blocks again: replayed, not redrawn
]


def pages(pdf: bytes, scale: float = SCALE) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    return [page.render(scale=scale).to_pil().convert("L") for page in document]


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    texts = [page.get_textpage().get_text_range() for page in document]
    return [" ".join(text.replace("\xa0", " ").split()) for text in texts]


def decoded(image: Image.Image) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def ink(image: Image.Image) -> int:
    """How many pixels are darker than mid-grey."""
    return sum(image.point(lambda value: 255 if value < 128 else 0).histogram()[255:])


@pytest.fixture(scope="module")
def mixed_pack() -> bytes:
    return render_pack(MIXED, BRANDING)


def test_a_pack_has_one_page_per_sheet(mixed_pack: bytes) -> None:
    assert len(pdfium.PdfDocument(mixed_pack)) == len(MIXED)


def test_every_page_s_qr_code_scans_to_that_sheet_s_exact_url(mixed_pack: bytes) -> None:
    for sheet, image in zip(MIXED, pages(mixed_pack), strict=True):
        assert decoded(image) == [sheet.url]


def test_the_qr_code_is_at_least_60_mm_wide(mixed_pack: bytes) -> None:
    document = pdfium.PdfDocument(mixed_pack)
    barcode = zxingcpp.read_barcodes(document[0].render(scale=SCALE).to_pil())[0]
    width_mm = (barcode.position.top_right.x - barcode.position.top_left.x) / MM
    assert width_mm >= 60


def test_every_page_prints_its_short_url_and_its_code_in_groups_of_four(mixed_pack: bytes) -> None:
    for sheet, text in zip(MIXED, page_texts(mixed_pack), strict=True):
        assert sheet.url.removeprefix("https://") in text
        assert "K7QM 3XPD 9ABC DEFG HJKM NPQR" in text
        assert display_code(sheet.typed_code) in text
        assert "heard.example.org/code" in text


def test_every_page_says_who_to_call_if_a_child_is_in_danger(mixed_pack: bytes) -> None:
    for text in page_texts(mixed_pack):
        assert "If a child is in danger now, call 999." in text
        assert "call Children's Advice and Duty Service on 0300 123 4567." in text
        assert "Northfield City Council" in text


def test_every_word_on_a_page_comes_from_the_sheet_the_branding_or_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Checked in English: fpdf2 cannot always map Bengali and Gurmukhi glyphs back to text."""
    monkeypatch.setattr(packs, "gettext", lambda code, message: message)
    monkeypatch.setattr(pdfdoc, "gettext", lambda code, message: message)
    messages = _extracted_messages()
    for sheet, text in zip(MIXED, page_texts(render_pack(MIXED, BRANDING)), strict=True):
        sources = [*messages, *dataclasses.astuple(BRANDING), *dataclasses.astuple(sheet)]
        sources += [display_code(sheet.typed_code), format_when(sheet.starts_at, "en")]
        allowed = {word for source in sources for word in re.findall(r"\w+", str(source))}
        assert set(re.findall(r"\w+", text)) <= allowed


def test_a_sheet_has_no_field_that_could_hold_a_person_s_name() -> None:
    assert {field.name for field in dataclasses.fields(InvitationSheet)} == {
        "url",
        "typed_code",
        "code_entry_url",
        "language",
        "conference_type",
        "starts_at",
        "site_name",
        "respondent_type",
    }


def test_the_conference_type_is_spelled_out_and_the_time_is_london_time() -> None:
    summer = make_sheet(conference_type="RCPC", starts_at=datetime(2025, 6, 3, 9, 30, tzinfo=UTC))
    winter = make_sheet(
        conference_type="transfer-in", starts_at=datetime(2025, 1, 14, 12, 0, tzinfo=UTC)
    )
    summer_text, winter_text = page_texts(render_pack([summer, winter], BRANDING))
    assert "Review child protection conference" in summer_text
    assert "Tuesday 3 June 2025 at 10:30am" in summer_text
    assert "Transfer-in child protection conference" in winter_text
    assert "Tuesday 14 January 2025 at midday" in winter_text


def test_a_child_s_sheet_talks_about_their_meeting_in_plain_words() -> None:
    (text,) = page_texts(render_pack([make_sheet(respondent_type="child")], BRANDING))
    assert "Tell us what you think about your meeting" in text
    assert "You can ask an adult you trust to help you." in text
    assert "Meeting" in text and "When" in text and "Where" in text


def test_an_unknown_language_prints_in_english_once() -> None:
    (text,) = page_texts(render_pack([make_sheet(language="xx")], BRANDING))
    assert text.count("Tell us what you think of the child protection conference") == 1


def test_a_language_whose_catalogue_is_empty_prints_in_english_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(packs, "gettext", lambda code, message: message)
    monkeypatch.setattr(pdfdoc, "gettext", lambda code, message: message)
    (text,) = page_texts(render_pack([make_sheet(language="ur")], BRANDING))
    assert text.count("Tell us what you think of the child protection conference") == 1
    assert "Tuesday 3 June 2025 at 10:30am" in text


def test_a_translated_right_to_left_sheet_prints_both_languages_and_still_scans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    urdu = {
        packs.HEADINGS["parent"]: "بچوں کے تحفظ کی کانفرنس کے بارے میں اپنی رائے دیں",
        packs.ADVICE: "مشورے کے لیے {name} کو {phone} پر کال کریں۔",
    }

    def gettext(code: str, message: str) -> str:
        return urdu.get(message, message) if code == "ur" else message

    monkeypatch.setattr(packs, "gettext", gettext)
    monkeypatch.setattr(pdfdoc, "gettext", gettext)
    sheet = make_sheet(language="ur")
    pdf = render_pack([sheet], BRANDING)
    (text,), (image,) = page_texts(pdf), pages(pdf)
    assert decoded(image) == [sheet.url]
    assert "بچوں کے تحفظ کی کانفرنس" in text
    assert "Tell us what you think of the child protection conference" in text
    assert "0300 123 4567 پر کال کریں" in text  # the groups of the number kept in order
    assert _blank_below(image, 287)


def test_nothing_is_drawn_in_the_bottom_ten_millimetres_of_any_page(mixed_pack: bytes) -> None:
    assert all(_blank_below(image, 287) for image in pages(mixed_pack))


def test_every_language_and_role_fits_on_one_page_with_today_s_catalogues() -> None:
    sheets = [
        make_sheet(language=code, respondent_type=role, site_name="Lifford House, One Avenue Road")
        for code in LANGUAGES
        for role in ("parent", "child", "professional")
    ]
    for image in pages(render_pack(sheets, BRANDING)):
        assert _blank_below(image, 287)


def test_progress_counts_one_page_at_a_time_like_a_progress_bar_s_update() -> None:
    seen: list[int] = []
    render_pack([make_sheet(0), make_sheet(1), make_sheet(2)], BRANDING, progress=seen.append)
    assert seen == [1, 1, 1]


def test_an_unknown_conference_type_is_refused() -> None:
    with pytest.raises(ValueError, match="conference type 'CP'"):
        render_pack([make_sheet(conference_type="CP")], BRANDING)


def test_a_start_time_without_a_timezone_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        render_pack([make_sheet(starts_at=datetime(2025, 6, 3, 9, 30))], BRANDING)


def test_the_typed_code_is_grouped_in_fours_whatever_its_separators() -> None:
    assert display_code("k7qm-3xpd 9abc_d") == "K7QM 3XPD 9ABC D"


def test_a_code_too_long_for_one_line_is_split_into_even_lines() -> None:
    groups = ["AAAA"] * 7
    assert balanced_lines(groups, lambda line: len(line) <= 30) == [
        "AAAA AAAA AAAA AAAA",
        "AAAA AAAA AAAA",
    ]


@pytest.mark.parametrize("code", SAMPLES)
def test_harfbuzz_gives_other_glyphs_than_one_per_letter(code: str) -> None:
    """Arabic script takes joining forms; Bengali and Gurmukhi form conjuncts and reorder."""
    path = pdfdoc.font_file(code)
    buffer = hb.Buffer()
    buffer.add_str(SAMPLES[code])
    buffer.guess_segment_properties()
    hb.shape(hb.Font(hb.Face(hb.Blob.from_file_path(str(path)))), buffer, {})
    shaped = [info.codepoint for info in buffer.glyph_infos]
    if buffer.direction == "rtl":
        shaped.reverse()
    with TTFont(path) as font:
        naive = [font.getGlyphID(font.getBestCmap()[ord(char)]) for char in SAMPLES[code]]
    assert shaped != naive


@pytest.mark.parametrize("code", SAMPLES)
def test_the_pack_s_text_helper_draws_shaped_text_that_reads_back(code: str) -> None:
    shaped = _sample_page(code, shaping=True)
    (text,) = page_texts(shaped)
    assert text == SAMPLES[code]
    (image,) = pages(shaped)
    line = image.crop((0, int(15 * MM), image.width, int(45 * MM)))
    assert ink(line) > 2_000
    (unshaped,) = pages(_sample_page(code, shaping=False))
    assert image.tobytes() != unshaped.tobytes()


def test_right_to_left_text_is_set_against_the_right_margin() -> None:
    (image,) = pages(_sample_page("ar", shaping=True))
    line = image.crop((0, int(15 * MM), image.width, int(45 * MM)))
    inked = line.point(lambda value: 255 if value < 128 else 0).getbbox()
    assert inked is not None
    left, _, right, _ = inked
    assert right > (210 - 22) * MM and left > 60 * MM


@pytest.mark.parametrize("title_language", ["en", "ur"])
def test_the_poster_scans_to_its_url_and_names_every_other_language(title_language: str) -> None:
    pdf = render_poster(f"{BASE}/f", BRANDING, title_language=title_language)
    (image,), (text,) = pages(pdf), page_texts(pdf)
    assert decoded(image) == [f"{BASE}/f"]
    assert "Tell us what you think of our child protection conferences" in text
    for code in {"en", "ur", "bn", "pa", "pa-Arab", "ar", "pl", "ro", "so"} - {title_language}:
        assert LANGUAGES[code].native_name in text
    assert "If a child is in danger now, call 999." in text
    assert _blank_below(image, 287)


def test_every_string_on_the_sheets_is_extracted_for_translators() -> None:
    extracted = _extracted_messages()
    on_sheets = [
        *packs.CONFERENCE_TYPES.values(),
        *packs.HEADINGS.values(),
        *(line for lines in packs.INTROS.values() for line in lines),
        *(label for labels in packs.DETAIL_LABELS.values() for label in labels),
        packs.SCAN,
        packs.CANNOT_SCAN,
        packs.TYPE_CODE,
        packs.DANGER,
        packs.ADVICE,
        packs.POSTER_TITLE,
        packs.POSTER_SCAN,
        packs.POSTER_LANGUAGES,
    ]
    assert set(on_sheets) <= extracted


def _extracted_messages() -> set[str]:
    """What `pybabel extract -k N_ -k gettext:2` finds in the module."""
    keywords = {"N_": None, "gettext": (2,)}
    found = extract_from_file("python", str(Path(packs.__file__)), keywords=keywords)
    return {message for _, message, _, _ in found if isinstance(message, str)}


def _sample_page(code: str, *, shaping: bool) -> bytes:
    with PackDocument() as doc:
        doc.add_page()
        doc.set_y(20)
        if shaping:
            doc.paragraph(SAMPLES[code], code=code, size=24)
        else:
            doc.use_face(pdfdoc.face_for(code), 24, code=code)
            doc.set_text_shaping(False)
            doc.cell(pdfdoc.CONTENT_WIDTH, 15, SAMPLES[code], align="R" if code in "ar ur" else "L")
        return doc.to_bytes()


def _blank_below(image: Image.Image, mm: float) -> bool:
    strip = image.crop((0, int(mm * MM), image.width, image.height))
    return ink(strip) == 0
