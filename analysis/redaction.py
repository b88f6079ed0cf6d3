"""Personal data out of a comment before it is quoted: names, phone numbers, emails, postcodes,
postal addresses, dates (of birth) and case references, each replaced by a [kind] marker.

Errs towards redacting: a quote with a word too many taken out is still a quote; a quote that
names a child is a breach. A quote that still looks identifying afterwards is not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.language import ENGLISH
from analysis.names import AMBIGUOUS, FIRST_NAMES, NOT_NAMES, RELATIONS, ROLES, SURNAME_TITLES

KINDS = ("email", "case reference", "phone", "postcode", "address", "date of birth", "name")

_CAP = r"[A-Z][a-z]*(?:['’][A-Z]?[a-z]+)?(?:-[A-Z][a-z]+)?"
_STREETS = (
    "Road|Rd|Street|St|Avenue|Ave|Close|Lane|Drive|Way|Crescent|Grove|Place|Gardens|Court|"
    "Terrace|Walk|Park|Hill|Green|Rise|View|Square|Mews|Row|Croft|Parade"
)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)),
    ("case reference", re.compile(r"\b[A-Z]{2,4}(?:-\d{2,6}-|/\d{2,6}/)\d{2,6}\b")),
    (
        "phone",
        re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?\d|\(?0\d)[\d\s()-]{7,14}\d(?!\d)"),
    ),
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
    (
        "address",
        re.compile(
            rf"\b(?:(?:Flat|Apartment|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
            rf"(?:[A-Z][a-z']+\s+){{1,3}}(?:{_STREETS})\b"
        ),
    ),
    (
        "date of birth",
        re.compile(
            rf"\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})\b",
            re.IGNORECASE,
        ),
    ),
)
_TITLED = re.compile(rf"\b(?:{'|'.join(SURNAME_TITLES)})\.?\s+{_CAP}(?:\s+{_CAP})?")
_RELATED = re.compile(rf"(?i:\b(?:my|our|her|his|their)\s+(?:{RELATIONS})),?\s+({_CAP})")
_ROLE_AFTER = re.compile(rf"\b({_CAP})(?:,)?\s+(?i:the|our|my|from)\s+(?i:{ROLES})\b")
_ROLE_BEFORE = re.compile(rf"(?i:\b(?:{ROLES}))\s+({_CAP})\b")
_CAPITALISED = re.compile(rf"\b{_CAP}(?:\s+{_CAP})?(?!\w)")
_WORD = re.compile(rf"\b{_CAP}\b")
_DIGIT_OR_AT = re.compile(r"[\d@]")
# Quick tests of whether a slow rule can find anything, so most comments skip it (same spans):
# a capital after a space, other than a lone "I" (never a name), for the relation and the
# role-before rules; a role after "the", "our"... in the lowercased text for the role-after rule
# (only for ASCII text, whose lowercase has the same length and matches (?i) alike).
_ANY_TITLE = re.compile("|".join(SURNAME_TITLES))  # the titles rule needs one, case and all
_SPACED_CAPITAL = re.compile(r"\s(?!I(?![a-z'’-]))[A-Z]")
_ROLE_AFTER_WORDS = re.compile(rf"\s(?:the|our|my|from)\s+(?:{ROLES})\b")


@dataclass(frozen=True)
class Redaction:
    text: str
    kinds: tuple[str, ...]


def _is_name(word: str) -> bool:
    folded = word.casefold()
    return word[:1].isupper() and folded not in NOT_NAMES and folded not in ENGLISH


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether TEXT[:START] ends a sentence (or is empty): `(?:^|[.!?:;]\\s+|\\n)$`, checked from
    START backwards rather than by searching all of TEXT[:START] (quadratic in a long comment)."""
    if start == 0 or text[start - 1] == "\n":
        return True
    before = start
    while before and text[before - 1].isspace():
        before -= 1
    return 0 < before < start and text[before - 1] in ".!?:;"


def _listed_name(match: re.Match[str], text: str) -> bool:
    """Whether a capitalised word (and its neighbour) starts with a listed first name."""
    first = match.group().split()[0].replace("’", "'").split("'")[0]
    folded = first.casefold()
    if folded not in FIRST_NAMES:
        return False
    at_start = _at_sentence_start(text, match.start())
    return folded not in AMBIGUOUS or not at_start or len(match.group().split()) > 1


def _context_rules(text: str) -> list[re.Pattern[str]]:
    """The rules naming someone by relation or role that could match TEXT at all."""
    rules = []
    spaced_capital = bool(_SPACED_CAPITAL.search(text))
    if spaced_capital:
        rules.append(_RELATED)
    if not text.isascii() or _ROLE_AFTER_WORDS.search(text.lower()):
        rules.append(_ROLE_AFTER)
    if spaced_capital:
        rules.append(_ROLE_BEFORE)
    return rules


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TITLED.finditer(text)] if _ANY_TITLE.search(text) else []
    for pattern in _context_rules(text):
        spans += [m.span(1) for m in pattern.finditer(text) if _is_name(m.group(1))]
    for word in _WORD.finditer(text):
        match = _CAPITALISED.match(text, word.start())
        if match and _listed_name(match, text):
            second = match.group().split()[1:]
            keep_second = second and _is_name(second[0])
            end = match.end() if keep_second else match.start() + len(match.group().split()[0])
            spans.append((match.start(), end))
    return spans


def _spans(text: str) -> list[tuple[int, int, str]]:
    """Every (start, end, kind) found, longest first where they overlap."""
    # Every pattern but names needs an "@" or a digit: most comments have neither.
    rules = PATTERNS if _DIGIT_OR_AT.search(text) else ()
    found = [(m.start(), m.end(), kind) for kind, rule in rules for m in rule.finditer(text)]
    found += [(start, end, "name") for start, end in _name_spans(text)]
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int, str]] = []
    for span in found:
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    return chosen


def _is_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    return 10 <= digits <= 13


def redact(text: str) -> Redaction:
    """TEXT with personal data replaced by [kind] markers, and the kinds found, in order."""
    spans = [s for s in _spans(text) if s[2] != "phone" or _is_phone(text[s[0] : s[1]])]
    out, kinds, last = [], [], 0
    for start, end, kind in spans:
        out += [text[last:start], f"[{kind}]"]
        kinds.append(kind)
        last = end
    out.append(text[last:])
    return Redaction("".join(out), tuple(dict.fromkeys(kinds)))


_LEFTOVER = re.compile(
    r"\d(?:[\s-]?\d){5,}|@|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:dob|born on)\b", re.I
)


def still_identifying(text: str) -> bool:
    """Whether TEXT (already redacted) still looks like it could identify someone."""
    return bool(_LEFTOVER.search(text) or redact(text).kinds)
