"""The words and phrases that signal each theme, written from DOMAIN.md's account of what
families and professionals say. Each entry is a plain phrase (see `text.phrase`: "*" ends a
stem, "_" is any word) or, prefixed with "re:", a regular expression over normalised text."""

from __future__ import annotations

import re

from analysis.text import near, phrase
from surveys.screening_guard import alternation, starts

_REPORT = r"(?:report|reports|assessment|papers|minutes|invite|invitation|letter)"
_LATE = (
    r"(?:day before|night before|on the day|morning|late|too late|two days|2 days|in time|"
    r"good time|in advance|before the (?:meeting|conference)|earlier|never|circulated|uploaded|"
    r"posted|sent|shared|weeks after|days before|week before|a week|on the doorstep)"
)
_CONTACT = r"(?:rang|ring|rung|call|called|calls|phoned|phone call|contact|contacted)"
_WHO = r"(?:chair|po|principal officer|someone|nobody|no one|anyone|she|he)"
_PLAN_WORDS = (
    r"vague|clear|clearly|smart|timescales|realistic|specific|reflect\w*|needs|copied|jargon|"
    r"long|list|risk\w*|safe|same|drift\w*|fine"
)
_CHILD = r"(?:me|her|him|them|my son|my daughter|my sister|my brother|the children|the kids)"

KEYWORDS: dict[str, tuple[str, ...]] = {
    "preparation_explanation": (
        "explain*",
        "prepar*",
        "what to expect",
        "re:what (?:would|was going to) happen",
        "re:(?:nobody|no one|never) told me (?:what|about|there|i could)",
        "re:went through (?:it|the report|the papers)",
        "leaflet",
        "re:no idea (?:what|i could)",
        "re:(?:didnt|did not) know what (?:a|the) \\w+",
        "what the meeting was for",
        "re:(?:not|wasnt|werent) told about the meeting",
        "nervous",
        "re:(?:walked|went) in not knowing",
    ),
    "report_timeliness": (
        f"re:{near(_REPORT, _LATE, 8)}",
        "re:(?:never|not|didnt|did not) (?:get|got|receive|received) the report",
        "re:(?:got|received|had) the report",
        "re:the report (?:came|arrived)",
    ),
    "interpreter_language": (
        "interpret*",
        "translat*",
        "first language",
        "dialect",
        "re:only in english|in (?:urdu|punjabi|polish|bengali|arabic|romanian|somali)",
    ),
    "accessibility_literacy": (
        "re:(?:cannot|cant|could not|couldnt|not) (?:read|write)",
        "read or write",
        "easy read",
        "reading",
        "learning disab*",
        "deaf",
        "hearing aid*",
        "signing",
        "wheelchair",
        "re:(?:no|a) lift",
        "stairs",
        "access needs",
        "re:disabled (?:parking|access|toilet)",
        "re:read (?:it|the report|the papers) (?:out )?to me",
        "words were too hard",
        "re:help me (?:get|travel)|travel alone",
    ),
    "respect_kindness": (
        "kind",
        "kindness",
        "respect*",
        "rude*",
        "judged",
        "re:(?:talked|spoken|spoke) (?:over|to me like|down)",
        "re:cut* me off",
        "re:(?:was|were|is|so|very|really|being) (?:nice|lovely|warm|patient|fair|calm|kind)",
        "re:nice to me|warmth|calmly|hostile|horrible|scary|how is that fair|rush me",
        "at ease",
        "re:like (?:a|dirt|a criminal|a child|a case number)",
        "criminal",
        "laughed at",
        "bad mum",
        "re:treated (?:so|with|like|well|badly)",
        "re:how i was coping|check on me|cup of tea",
        "re:(?:nobody|no one|anyone) (?:was )?(?:listening|listened|heard)",
        "re:heard what i",
        "re:(?:didnt|did not) care",
        "re:made me feel (?:listened|stupid|safe|at ease)",
        "re:nobody (?:even )?said hello",
        "adversarial",
    ),
    "strengths_recognised": (
        "strength*",
        "re:doing (?:really )?well|done (?:really )?well|do well",
        "good things",
        "good in me",
        "re:what (?:ive|i have) (?:changed|done)",
        "re:(?:only|just) (?:talked|said|spoke)(?: about)? the (?:worries|bad|bad stuff|negatives)",
        "find fault",
        "deficit",
        "recognis*",
        "positives",
        "lovely things",
        "re:how hard i have worked|how much better things are",
    ),
    "childs_voice": (
        "re:(?:asked|ask|asks) (?:me|her|him|them|my \\w+)(?: \\w+){0,3} "
        "(?:what|anything|views|about)",
        "re:(?:nobody|no one|not|wasnt|werent|was not|were not) (?:asked|ask|asks) " + _CHILD,
        "re:(?:asked|ask) what (?:i|he|she|they) (?:think|want)\\w*",
        "re:(?:was|were) not spoken to|ask my \\w+|(?:didnt|couldnt|did not) (?:say|talk)",
        "re:wanted to go to the meeting|able to come",
        "re:views|my view(?! on risk)",
        "voice",
        "advocate*",
        "re:listened to (?:me|what (?:i|my|he|she))",
        "re:(?:didnt|did not|no one|nobody) listen",
        "re:(?:my|the) letter",
        "re:draw|drew|picture*|wrote",
        "re:what i (?:want|think|wanted|said)",
        "re:i want to (?:live|go home|stay|see)",
        "re:want to (?:go home|stay with|live with)",
        "re:(?:spoke|spoken|speak|talk|talked) (?:to|with) (?:me|them|the children|the kids)",
        "re:too shy|say what i|said what i|got to speak",
        "re:talked about me|talk to me",
    ),
    "understanding_plan": (
        "re:(?:understand|understood|understanding|follow) the plan",
        "re:what (?:happens|is going to happen|will happen) (?:next|now)",
        "re:whats happening",
        "next steps",
        "re:what (?:i am|im|i have|i need) (?:supposed |meant )?to do",
        "re:next (?:meeting|one)",
        "confus*",
        "outcome",
        "re:what the plan (?:is|means|actually)",
        "re:plan (?:means|says)",
        "re:copy of the plan",
        "re:(?:dont|didnt|not) understand",
        "re:words i could understand",
        "re:why there is a plan",
        "re:(?:dont|do not|didnt) know what (?:it|the plan) (?:says|means)|"
        "even mean|off (?:the plan|it)",
    ),
    "po_contact": (
        f"re:{near(_CONTACT, 'before|beforehand', 6)}",
        "re:pre meeting",
        f"re:{_WHO} (?:would|might|was meant to) (?:ring|call|contact) me",
    ),
    "technology_hybrid": (
        "re:teams|zoom|online|virtual*|hybrid|link|screen|video|camera|audio|sound|tech|echo",
        "freez*",
        "re:dial in|by phone|computer|lobby|crash*|cutting out|dropped out|froze",
        "re:(?:couldnt|could not|cant|can not) hear",
        "wifi",
        "connection",
    ),
    "venue_travel_waiting": (
        "venue*",
        "re:waiting (?:area|room)|waited (?:in|for (?:an|over|\\d+|ages))|kept waiting|"
        "wait ages|wait in|reception",
        "re:bus|buses|travel*|parking|get to|hard to find|easy to find|corridor|building",
        "re:room (?:was|at|too|to wait)",
        "re:cold|freezing",
    ),
    "timeliness_rearranged": (
        "re:cancel\\w*(?! visits)",
        "re:re ?arrang\\w*|postpon\\w*|moved to|moving the meeting|keep moving",
        "re:started (?:late|on time|\\w+ minutes late|an hour late)|started late",
        "re:on time|over time|timescale*|inquorate|short notice",
        "re:finished (?:when|\\d+|late)",
        "re:(?:an hour|minutes) (?:late|past)",
        "still on",
        "rushed",
    ),
    "professional_participation": (
        "re:update|scaling|score|danger statement|view on risk|contribute",
        "re:(?:were|was|wasnt|not) (?:invited|present)",
        "re:(?:housing|probation|police|school|education|health) (?:were|was) not",
        "re:my slot|referred to|chance to (?:speak|raise)|share what",
        "re:(?:educations|healths|agency|agencies)",
        "re:as the (?:gp|dsl|health visitor)",
    ),
    "plan_quality": (
        "re:" + near("plan", _PLAN_WORDS, 8),
        "contingency",
        "re:actions|core group member|drifts",
        "re:plan is",
    ),
    "social_worker_practice": (
        "re:social workers?|(?:my|our|new) worker",
        "re:statutory visits|core groups|visits",
        "re:assessment",
    ),
}


def entry_source(entry: str) -> str:
    """The regular expression for one entry: a "re:" entry as written, else `text.phrase`."""
    return entry[3:] if entry.startswith("re:") else phrase(entry)


def compiled_source(entries: tuple[str, ...], bucketed: bool = False) -> str:
    """ENTRIES as one alternation, each anchored at word boundaries of normalised text.

    BUCKETED files the entries under the characters they can start with
    (`surveys.screening_guard.alternation`): a search finds a match in exactly the same texts,
    faster, but the match's span is not the entry's, so use it only to ask whether it matches.
    """
    parts = [entry_source(e) for e in entries]
    if bucketed:
        return " " + alternation([f"(?:{p})(?= )" for p in parts])
    return " (?:" + "|".join(f"(?:{p})" for p in parts) + r")(?= )"


def by_start(
    patterns: list[str], sizes: tuple[int, ...] = (3, 2, 1)
) -> tuple[int, dict[str, list[int]]] | None:
    """The indexes of PATTERNS filed under each string of SIZE characters a match can start with,
    for the first size at which every pattern's starts are known; None if at no size."""
    for size in sizes:
        heads = [starts(pattern, size) for pattern in patterns]
        if all(heads):
            buckets: dict[str, list[int]] = {}
            for i, found in enumerate(heads):
                for head in sorted(found or ()):
                    buckets.setdefault(head, []).append(i)
            return size, buckets
    return None


def word_starts(heads: list[str]) -> re.Pattern[str]:
    """A pattern matching at each space of normalised text followed by one of HEADS (all the
    same length), written as a trie so `re` tests a character once rather than once a head."""
    return re.compile(f" (?=(?:{_trie(sorted(heads))}))")


def _trie(heads: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for head in heads:
        if head:
            groups.setdefault(head[0], []).append(head[1:])
    branches = []
    for first, rests in groups.items():
        rest = _trie(rests)
        branches.append(re.escape(first) + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(branches)
