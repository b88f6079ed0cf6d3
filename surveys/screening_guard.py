"""Make big regex alternations fast by bucketing the alternatives by how they can start.

Python's regex engine skips an alternative cheaply only when it starts with a literal; one that
starts with a group is entered at every position, which made the screen several times too slow.
`alternation` files each alternative under every two-character prefix it can start with (or
every first character, when two cannot be worked out), behind those literal characters, and
checks the alternative itself in a zero-width lookaround from the same place. The result matches
exactly the same texts (only the match span differs, and the screen needs no spans). An
alternative whose start cannot be worked out is kept outside the buckets: slower, never wrong.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

sre: Any
sre_parser: Any
try:  # private modules of the standard library: fall back to no buckets if they change
    sre = importlib.import_module("re._constants")
    sre_parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    sre = sre_parser = None

_LIMIT = 4096  # prefixes per pattern before giving up on bucketing it
_Starts = set[str] | None  # None: unknown


def _charset(items: list[tuple[Any, Any]]) -> _Starts:
    """The characters of a character class, or None for negated, category or large classes."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] < 256:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:
            return None
    return chars


def _repeat(low: int, high: int, items: list[Any], room: int) -> _Starts:
    """Prefixes of up to ROOM characters of an item repeated LOW to HIGH times."""
    done: set[str] = set()
    partial = {""}
    # After LOW rounds every further useful round adds a character, so this many rounds suffice.
    for count in range(min(high, low + room) + 1):
        if count >= low:
            done |= partial
        if count == high:
            break
        grown: set[str] = set()
        for head in partial:
            tails = _sequence(items, room - len(head))
            if tails is None:
                return None
            grown |= {head + tail for tail in tails}
        done |= {s for s in grown if len(s) >= room}
        partial = {s for s in grown if len(s) < room}
    return done


def _item(op: Any, av: Any, room: int) -> _Starts:
    """Prefixes (up to ROOM characters) one parsed item can match; shorter ones are complete."""
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        return _charset(av)
    if op is sre.SUBPATTERN:
        return _sequence(av[-1].data, room)
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            got = _sequence(branch.data, room)
            if got is None:
                return None
            found |= got
        return found
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return _repeat(av[0], av[1], av[2].data, room)
    return None


def _sequence(items: list[tuple[Any, Any]], room: int) -> _Starts:
    """Prefixes of up to ROOM characters a sequence can match; shorter ones are complete."""
    partial = {""}
    done: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: does not change what the match starts with
        grown: set[str] = set()
        for head in partial:
            tails = _item(op, av, room - len(head))
            if tails is None:
                return None
            grown |= {head + tail for tail in tails}
        done |= {s for s in grown if len(s) >= room}
        partial = {s for s in grown if len(s) < room}
        if len(done) + len(partial) > _LIMIT:
            return None
        if not partial:
            break
    return done | partial


def starts(pattern: str, length: int) -> _Starts:
    """Every LENGTH-character start of a match of PATTERN, or None when that is not known."""
    if sre_parser is None:  # pragma: no cover
        return None
    try:
        found = _sequence(sre_parser.parse(pattern).data, length)
    except Exception:  # any surprise from a private parser means "unknown"
        return None
    if not found or any(len(s) < length for s in found):
        return None  # some match is shorter than LENGTH
    return found


def _bucket(head: str, patterns: list[str]) -> str:
    """PATTERNS behind the literal HEAD, tried again from the start of HEAD."""
    body = "|".join(patterns)
    return f"{re.escape(head[-1])}(?<=(?=(?:{body})).{{{len(head)}}})"


def alternation(patterns: list[str]) -> str:
    """PATTERNS as one alternation, bucketed so each word start enters only a few of them."""
    pairs: dict[str, dict[str, list[str]]] = {}
    singles: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for pattern in patterns:
        two, one = starts(pattern, 2), starts(pattern, 1)
        if two is not None:
            for prefix in two:
                pairs.setdefault(prefix[0], {}).setdefault(prefix, []).append(pattern)
        elif one is not None:
            for ch in one:
                singles.setdefault(ch, []).append(pattern)
        else:
            anywhere.append(pattern)
    groups = []
    for first in sorted(set(pairs) | set(singles)):
        inner = [_bucket(p, pats) for p, pats in sorted(pairs.get(first, {}).items())]
        inner += [f"(?<=(?=(?:{'|'.join(singles[first])})).)"] if first in singles else []
        groups.append(f"{re.escape(first)}(?:{'|'.join(inner)})")
    return "(?:" + "|".join(groups + anywhere) + ")"
