"""Text normalisation shared by the analysers: casefolded words, one space apart, padded."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({c: None for c in "'’‘ʼ`´"})
_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """TEXT casefolded, without apostrophes ("didn't" -> "didnt"), as words padded by spaces."""
    if text.isascii():  # the common case, ten times faster than the general one
        folded = text.lower().replace("'", "").replace("`", "")
    else:
        folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    words = _NOT_WORD.sub(" ", folded).split()
    return f" {' '.join(words)} " if words else " "


def word(stem: str) -> str:
    """A regex for one word; a trailing * lets it take any ending (lemmatisation-lite)."""
    if stem.endswith("*"):
        return re.escape(stem[:-1]) + r"\w*"
    return re.escape(stem)


def phrase(words: str) -> str:
    """A regex for words in sequence, each as `word`; "_" stands for any one word."""
    return " ".join(r"\w+" if w == "_" else word(w) for w in words.split())


def near(left: str, right: str, gap: int = 6) -> str:
    """A regex for LEFT and RIGHT (regexes) within GAP words of each other, in either order."""
    between = rf"(?: \w+){{0,{gap}}} "
    return f"(?:(?:{left}){between}(?:{right})|(?:{right}){between}(?:{left}))"
