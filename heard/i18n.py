"""Languages and gettext catalogues, without Flask: the form, the PDF pack and emails share them.

Catalogues are read straight from the .po files in heard/locales (no compile step), once each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "heard"


@dataclass(frozen=True)
class Language:
    code: str  # used in URLs and stored on invitations and responses
    native_name: str
    english_name: str
    html_lang: str  # BCP 47, for <html lang>
    direction: str  # "ltr" or "rtl"
    script: str  # ISO 15924, picks the font in printed packs

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("en", "English", "English", "en", "ltr", "Latn"),
        Language("en-easy", "Easy read English", "Easy read English", "en", "ltr", "Latn"),
        Language("ur", "اردو", "Urdu", "ur", "rtl", "Arab"),
        Language("pa", "ਪੰਜਾਬੀ", "Punjabi (Gurmukhi)", "pa-Guru", "ltr", "Guru"),
        Language("pa-Arab", "پنجابی", "Punjabi (Shahmukhi)", "pa-Arab", "rtl", "Arab"),
        Language("bn", "বাংলা", "Bengali", "bn", "ltr", "Beng"),
        Language("ar", "العربية", "Arabic", "ar", "rtl", "Arab"),
        Language("pl", "Polski", "Polish", "pl", "ltr", "Latn"),
        Language("ro", "Română", "Romanian", "ro", "ltr", "Latn"),
        Language("so", "Soomaali", "Somali", "so", "ltr", "Latn"),
    )
}
DEFAULT_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogues; translated where it is shown."""
    return message


def language(code: str | None) -> Language:
    """The language for CODE, or English when it is unknown."""
    return LANGUAGES.get(code or "", LANGUAGES[DEFAULT_LANGUAGE])


def is_supported(code: str | None) -> bool:
    return code in LANGUAGES


def catalogue_dir(code: str) -> str:
    """Directory name of a language's catalogue (gettext names cannot hold '-')."""
    return code.replace("-", "_")


@cache
def catalogue(code: str) -> Catalog | None:
    """The parsed catalogue for CODE, or None for English (the source language)."""
    if code == DEFAULT_LANGUAGE or code not in LANGUAGES:
        return None
    path = LOCALES_DIR / catalogue_dir(code) / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=None, domain=DOMAIN)


@cache
def _messages(code: str) -> dict[str, str]:
    cat = catalogue(code)
    if cat is None:
        return {}
    found: dict[str, str] = {}
    for message in cat:
        if message.id and isinstance(message.id, str) and message.string and not message.fuzzy:
            found[message.id] = str(message.string)
    return found


def gettext(code: str, message: str) -> str:
    """MESSAGE in language CODE, falling back to English when untranslated."""
    return _messages(code).get(message, message)


def translator(code: str) -> Callable[[str], str]:
    """A one-argument gettext bound to language CODE."""
    messages = _messages(code)
    return lambda message: messages.get(message, message)
