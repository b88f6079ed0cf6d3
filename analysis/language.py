"""A cheap check for comments not in English, so they are routed for translation, not dropped.

Scripts first (Arabic, Gurmukhi, Bengali, Chinese...: any non-Latin letters in quantity), then,
for Latin letters, letters English does not use and how few words are common English ones.
"""

from __future__ import annotations

import re

from analysis.text import normalise

# The commonest English words in feedback: function words and the service's own words.
_ENGLISH_WORDS = """
    a about after again all also am an and any are as at be because been before being but by
    can cant could couldnt day did didnt do dont for from get go got had has have he her him his
    how i if im in is isnt it its ive just know like me meeting more my no not nothing now of on
    one only or other our out over said say she should so some that the their them then there
    they this time to too up us very was wasnt we well went were what when where which who why
    will with would you your yes ok thank thanks good bad chair report plan social worker child
    children mum dad family school help people felt feel think nobody someone conference next
    """
ENGLISH = frozenset(_ENGLISH_WORDS.split())
_NOT_ENGLISH_LETTERS = re.compile("[ąćęłńśźżăâîșşțţėįųūčšžőűåøæßñãõçðþ]", re.IGNORECASE)
# Urdu, Punjabi and Hindi often typed in Latin letters.
_ROMANISED_WORDS = (
    "nahi nahin hai hain tha thi mujhe mera meri kuch bohat bahut shukriya aur kya koi ton "
    "pehlan mili nu samajh aaya achi acha"
)
_ROMANISED = frozenset(_ROMANISED_WORDS.split())


# Function words of the Latin-script languages most spoken by families in England's cities,
# none of them an English word: Polish, Romanian, Somali, Spanish, Portuguese, Lithuanian,
# Kurdish (Kurmanji), French, Italian.
_FOREIGN_WORDS = """
    nie jest się był było była nic mnie dla jak ale już bardzo tak czy został nu și fost am
    foarte este mai ce cu pentru ma waxba aad baad iyo waa ayaa wax ku uu ay el la los las que
    muy fue con por una para del pero não eu uma por muito havia aš dar nėra labai min
    tune bû ez û ji je ne pas est les des une avec était molto non sono della"""
_FOREIGN = frozenset(_FOREIGN_WORDS.split())

_LETTER = re.compile(r"[^\W\d_]")
# Basic Latin, Latin-1, Latin Extended A and B, and Latin Extended Additional (Vietnamese...).
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def non_latin_share(text: str) -> float:
    """The share of TEXT's letters that are not Latin."""
    if text.isascii():
        return 0.0
    letters = len(_LETTER.findall(text))
    return 1 - len(_LATIN.findall(text)) / letters if letters else 0.0


def needs_translation(text: str) -> bool:
    """Whether TEXT looks written in a language other than English."""
    return is_foreign(text, normalise(text))


def is_foreign(text: str, padded: str) -> bool:
    """`needs_translation` of TEXT, given PADDED = `normalise(TEXT)`."""
    if non_latin_share(text) > 0.3:
        return True
    words = padded.split()
    if len(words) < 2:
        return False
    # Counted with map over a set's membership test: the same counts as a loop, faster.
    romanised = sum(map(_ROMANISED.__contains__, words))
    if romanised >= 2 or _NOT_ENGLISH_LETTERS.search(text):
        return True
    foreign = sum(map(_FOREIGN.__contains__, words))
    if not foreign:
        return False
    english = sum(map(ENGLISH.__contains__, words))
    if english:
        return foreign >= 2 and foreign > english
    return foreign >= 2 or (foreign == 1 and len(words) >= 3)
