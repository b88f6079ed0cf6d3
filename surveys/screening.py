"""The disclosure screen: flags free text suggesting a child is at risk or someone needs help now.

Conservative by design: a missed disclosure is far worse than a false alarm, so every language's
lexicon runs over every text whatever language the page was in (people type in another language,
mix scripts, or write Urdu and Punjabi in Latin letters). Pure Python, no network, no models.
When no specific rule fires, broad signals (`surveys.screening_signals`: a person near a concern
word, first-person distress) trade some precision for recall on phrasings no rule names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from surveys.screening_guard import alternation
from surveys.screening_lexicon import (
    ENGLISH_BENIGN,
    NEARBY_PERSONS,
    NEARBY_SIGNS,
    NEARBY_WINDOW,
    Lexicon,
)
from surveys.screening_lexicon_latin import LATIN_LEXICONS
from surveys.screening_lexicon_scripts import (
    ARABIC,
    BENGALI,
    GURMUKHI,
    SCRIPT_BENIGN,
    URDU_SHAHMUKHI,
)
from surveys.screening_signals import broad_reasons

REASONS: dict[str, str] = {
    "physical_harm": "a child or adult is being hit or hurt",
    "sexual_abuse": "sexual abuse or sexual contact with a child",
    "fear_of_person": "someone is afraid of or threatened by a person",
    "domestic_abuse": "domestic abuse or coercive control",
    "neglect": "a child is going without food, warmth or care",
    "self_harm_or_suicide": "self-harm or thoughts of suicide",
    "threat_to_kill_or_weapon": "a threat to kill, or a weapon",
    "child_unsafe_or_missing": "a child is unsafe at home, missing, or does not want to go home",
    "exploitation": "child sexual or criminal exploitation (grooming, county lines)",
    "urgent_help": "a plea for urgent help",
    "substance_risk_to_child": "a carer's drink or drug use is putting a child at risk",
    "honour_based_abuse": "forced marriage, FGM or so-called honour-based abuse",
    "person_near_harm": "no specific rule, but a person is named next to a sign of harm or fear",
    "concern_near_person": "no specific rule, but a person or a child's home or night is named "
    "near a broad sign of concern (fear, hurt, body, drink, control, threats, going missing)",
    "distress": "no specific rule, but the respondent says they are in distress or asks for help",
}


@dataclass(frozen=True)
class ScreeningResult:
    """Whether a text needs a person today, and the stable reason keys found in it."""

    disclosure: bool
    reasons: tuple[str, ...]


NOTHING = ScreeningResult(False, ())


def _script_fold() -> dict[int, str | None]:
    """Letter variants of Arabic, Urdu, Gurmukhi and Bengali that people type interchangeably."""
    table: dict[int, str | None] = {cp: None for cp in range(0x064B, 0x0660)}
    table.update({cp: None for cp in range(0x06D6, 0x06EE)})
    for chars, target in (
        ("يىېئےۓ", "ی"),
        ("كڪ", "ک"),
        ("ةۃہەھۀۂ", "ه"),
        ("أإآٱ", "ا"),
        ("ؤ", "و"),
        ("ੰ", "ਂ"),
    ):
        table.update({ord(c): target for c in chars})
    # Tatweel, superscript alef, Gurmukhi addak and nukta, Bengali chandrabindu and nukta and
    # invisible joiners and marks are often omitted or added at random by typists.
    for c in "\u0640\u0670\u0a71\u0a3c\u0981\u09bc\u200b\u200c\u200d\u200e\u200f\u061c\u00ad\ufeff":
        table[ord(c)] = None
    return table


def _text_fold() -> dict[int, str | None]:
    """The script fold, plus Latin accents to ASCII, no apostrophes, and punctuation as spaces."""
    table = _script_fold()
    for cp in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base.isalpha():
            table[cp] = base.lower()
    table.update({ord(c): t for c, t in zip("łđøıŀ", "ldoil", strict=True)})
    table.update({ord("æ"): "ae", ord("œ"): "oe"})
    table.update({cp: None for cp in range(0x0300, 0x0370)})
    for c in "'’‘ʼ`´":
        table[ord(c)] = None
    for c in '!"#%&()*+,-./:;<=>?[\\]^_{|}~،؛؟۔।॥«»“”„…–—‐‑‒―·•¿¡٫٬':
        table[ord(c)] = " "
    table.update({0x0660 + d: str(d) for d in range(10)})
    table.update({0x06F0 + d: str(d) for d in range(10)})
    return table


_SCRIPT_FOLD = _script_fold()
_TEXT_FOLD = _text_fold()
_LEET = re.compile(r"[0134@$5](?<=[a-z].)(?=[a-z])")
_LEET_LETTERS = {"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "$": "s", "5": "s"}
_REPEATS = re.compile(r"([a-z])\1{2,}")


# Text-speak and common misspellings, as whole words, spelled out before matching. Only words
# that mean nothing else in the other Latin-script languages screened (so not "u" or "ma").
_TXT_WORDS: dict[str, str] = {
    "dnt": "dont",
    "cnt": "cant",
    "wnt": "want",
    "wana": "wanna",
    "gona": "gonna",
    "wen": "when",
    "wiv": "with",
    "tht": "that",
    "pls": "please",
    "plz": "please",
    "plis": "please",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tmrw": "tomorrow",
    "lst": "last",
    "b4": "before",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
    "no1": "no one",
    "every1": "everyone",
    "sumthin": "something",
    "summat": "something",
    "nuthin": "nothing",
    "coz": "because",
    "cuz": "because",
    "bcoz": "because",
    "myslef": "myself",
    "myslf": "myself",
    "mysef": "myself",
    "meself": "myself",
    "maself": "myself",
    "touchs": "touches",
    **{
        f"{stem}in": f"{stem}ing"
        for stem in (
            *("smash", "kick", "punch", "chok", "touch", "cutt", "slapp", "hurt", "drink"),
            *("scream", "shout", "threaten", "follow", "watch", "beat", "hitt", "batter"),
            *("bash", "grabb", "push", "shov", "strangl"),
        )
    },
}
# "want 2 go", "scared 4 my life": a lone 2 or 4 between words is "to" or "for".
_TXT_NUMBER = re.compile(r"(?<=[a-z] )[24](?= [a-z])")


def _spell_out(words: list[str]) -> str:
    """WORDS joined by single spaces, with text-speak spelled out."""
    if _TXT_WORDS.keys().isdisjoint(words):
        text = " ".join(words)
    else:
        text = " ".join([_TXT_WORDS.get(word, word) for word in words])
    if "2" in text or "4" in text:
        text = _TXT_NUMBER.sub(lambda m: "to" if m.group() == "2" else "for", text)
    return text


def _unrepeat(match: re.Match[str]) -> str:
    """ "scaaared" -> "scared", "killlll" -> "kill": vowels to one, consonants to two."""
    letter = match.group(1)
    return letter if letter in "aeiouy" else letter * 2


def normalise(text: str) -> str:
    """The text as the lexicons expect it: folded, casefolded, single-spaced."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_TEXT_FOLD)
    text = _LEET.sub(lambda m: _LEET_LETTERS[m.group()], text)
    text = _REPEATS.sub(_unrepeat, text)
    return _spell_out(text.split())


def fold_pattern(pattern: str) -> str:
    """Fold a native-script pattern like the text, leaving regex syntax alone."""
    return unicodedata.normalize("NFKC", pattern).translate(_SCRIPT_FOLD)


# Every rule starts at a space: the text is padded and single-spaced, so this is a word start.
_LATIN_WRAP = "(?:{})(?![a-z0-9])"
_WORD_WRAP = "(?:{})"
_ARABIC_CLITICS = "[وف]?[بلکس]?(?:ال)?(?:{})"
_PROBES = {
    "latin": re.compile(r"[a-z0-9]"),
    "arabic": re.compile("[\u0600-\u06ff]"),
    "gurmukhi": re.compile("[\u0a00-\u0a7f]"),
    "bengali": re.compile("[\u0980-\u09ff]"),
}
# Per script: the probe for the script, one pattern matching the space before every word where
# any reason's rule matches (most answers have none, and one scan is cheaper than one per
# reason), and each reason's pattern, then tried only at those places.
_Rules = tuple[
    tuple[re.Pattern[str], re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]], ...
]


def _native(lexicon: Lexicon, reason: str, wrap: str = _WORD_WRAP) -> list[str]:
    """A native-script lexicon's patterns for a reason, folded like the text and wrapped."""
    return [wrap.format(fold_pattern(p)) for p in lexicon.get(reason, ())]


def rule_parts() -> dict[str, dict[str, list[str]]]:
    """Per script and reason, every lexicon's patterns, wrapped to match from a word start."""
    return {
        "latin": {
            reason: [
                _LATIN_WRAP.format(p)
                for lex in LATIN_LEXICONS.values()
                for p in lex.get(reason, ())
            ]
            for reason in REASONS
        },
        "arabic": {
            reason: _native(URDU_SHAHMUKHI, reason) + _native(ARABIC, reason, _ARABIC_CLITICS)
            for reason in REASONS
        },
        "gurmukhi": {reason: _native(GURMUKHI, reason) for reason in REASONS},
        "bengali": {reason: _native(BENGALI, reason) for reason in REASONS},
    }


@functools.cache
def _rules() -> _Rules:
    """The compiled rules, built on first use because compiling takes a few hundred milliseconds."""
    return tuple(
        (
            _PROBES[script],
            re.compile(" (?=" + alternation([p for ps in by_reason.values() for p in ps]) + ")"),
            tuple(
                (reason, re.compile(" " + alternation(parts)))
                for reason, parts in by_reason.items()
                if parts
            ),
        )
        for script, by_reason in rule_parts().items()
    )


@functools.cache
def _benign() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Idioms and process words that look like harm but are not: a fast test, a blanker."""
    patterns = [_LATIN_WRAP.format(b) for b in ENGLISH_BENIGN]
    patterns += [_WORD_WRAP.format(fold_pattern(b)) for b in SCRIPT_BENIGN]
    # The bucketed form only says whether there is a match; its spans are not the idioms' spans.
    return re.compile(" " + alternation(patterns)), re.compile(" (?:" + "|".join(patterns) + ")")


def _without_idioms(padded: str) -> str:
    """PADDED with benign idioms blanked out."""
    test, blank = _benign()
    return blank.sub(" ", padded) if test.search(padded) else padded


def _reasons_in(padded: str) -> set[str]:
    """Every reason whose rules match, for each script present in the text."""
    found: set[str] = set()
    for probe, anything, rules in _rules():
        if not probe.search(padded):
            continue
        starts = [match.start() for match in anything.finditer(padded)]
        for reason, rule in rules:
            for start in starts:
                if rule.match(padded, start):
                    found.add(reason)
                    break
    return found


@functools.cache
def _nearby_sign() -> re.Pattern[str]:
    """The signs of harm for the wider net, bucketed like the rules."""
    return re.compile(" " + alternation([_LATIN_WRAP.format(NEARBY_SIGNS)]))


def _person_near_harm(padded: str) -> bool:
    """Whether a person is named within NEARBY_WINDOW words of a sign of harm or fear."""
    words = padded.split()
    if NEARBY_PERSONS.isdisjoint(words):
        return False
    # PADDED is single-spaced with a leading space, so a match starting at the space before
    # word i has exactly i spaces before it.
    signs = [padded.count(" ", 0, m.start()) for m in _nearby_sign().finditer(padded)]
    persons = [i for i, word in enumerate(words) if word in NEARBY_PERSONS]
    return any(abs(p - s) <= NEARBY_WINDOW + 1 for p in persons for s in signs)


def screen_text(text: str, language: str | None = None) -> ScreeningResult:
    """Screen one free-text answer; LANGUAGE is the page's, and deliberately never narrows it."""
    del language  # respondents often write in another language or script than the page
    normal = normalise(text or "")
    if not normal:
        return NOTHING
    padded = _without_idioms(f" {normal} ")
    found = _reasons_in(padded)
    if found:
        return ScreeningResult(True, tuple(sorted(found)))
    if _person_near_harm(padded):
        return ScreeningResult(True, ("person_near_harm",))
    broad = broad_reasons(padded)
    if broad:
        return ScreeningResult(True, broad)
    return NOTHING


def screen_texts(texts: Iterable[str], language: str | None = None) -> list[ScreeningResult]:
    """Screen many answers at once, in order."""
    return [screen_text(text, language) for text in texts]


def warm_up() -> None:
    """Compile every rule now (several seconds), so no respondent's submission waits for it."""
    screen_text("warm up")
