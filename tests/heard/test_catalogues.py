"""Every string the service shows has a translation in every language, with its placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from heard import i18n

ROOT = Path(__file__).resolve().parents[2]
METHODS = [
    ("heard/**.py", "python"),
    ("surveys/**.py", "python"),
    ("webforms/**.py", "python"),
    ("webforms/templates/**.html", "jinja2"),
]
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]


def source_messages() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=METHODS, keywords=KEYWORDS
    ):
        if isinstance(message, str) and message:
            found.add(message)
    return found


@pytest.fixture(scope="module")
def messages() -> set[str]:
    return source_messages()


def test_strings_are_found_in_the_code_and_templates(messages):
    assert "Tell us what you think" in messages and "Did you feel listened to?" in messages


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_string_is_translated(code, messages):
    catalogue = i18n.catalogue(code)
    assert catalogue is not None, f"no catalogue for {code}: run make translations"
    translated = {m.id for m in catalogue if m.id and m.string and not m.fuzzy}
    missing = sorted(messages - translated)
    assert missing == [], f"{code}: untranslated (run make translations, then translate): {missing}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_survive_translation(code):
    catalogue = i18n.catalogue(code)
    assert catalogue is not None
    wrong = [
        m.id
        for m in catalogue
        if m.id
        and m.string
        and sorted(PLACEHOLDER.findall(str(m.id))) != sorted(PLACEHOLDER.findall(str(m.string)))
    ]
    assert wrong == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_catalogue_says_how_it_was_translated(code):
    path = i18n.LOCALES_DIR / i18n.catalogue_dir(code) / "LC_MESSAGES" / "heard.po"
    head = path.read_text(encoding="utf-8")[:2000]
    # The header comment survives `pybabel update`; custom header fields do not.
    assert "# Translation method:" in head and "Last-Translator:" in head
