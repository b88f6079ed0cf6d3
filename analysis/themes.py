"""The feedback themes (DOMAIN.md's starting taxonomy) and a transparent keyword classifier.

Each theme is a list of phrases anyone can read and extend; a comment carries every theme whose
phrases it contains. Structured answers count towards themes too (`themes_from_answers`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from analysis.text import normalise
from analysis.theme_patterns import KEYWORDS, by_start, compiled_source, entry_source, word_starts

THEMES: dict[str, str] = {
    "preparation_explanation": "Preparation and explanation before conference",
    "report_timeliness": "Report timeliness",
    "interpreter_language": "Interpreter and language",
    "accessibility_literacy": "Accessibility and literacy support",
    "respect_kindness": "Respect, kindness and relationship with the chair",
    "strengths_recognised": "Strengths as well as concerns recognised",
    "childs_voice": "Child's voice and participation",
    "understanding_plan": "Understanding the plan and next steps",
    "po_contact": "Contact from the PO before conference",
    "technology_hybrid": "Technology and hybrid meetings",
    "venue_travel_waiting": "Venue, travel and waiting area",
    "timeliness_rearranged": "Timeliness and re-arranged meetings",
    "professional_participation": "Professional participation (asked for update, scaling)",
    "plan_quality": "Quality and clarity of the plan",
    "social_worker_practice": "Social worker practice",
}


@dataclass(frozen=True)
class Taxonomy:
    """Theme keys to labels, and the phrases (see `analysis.text.phrase`) that signal each."""

    labels: Mapping[str, str]
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @functools.cached_property
    def _rules(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        # Each theme's phrases bucketed by how they can start (see `compiled_source`): the same
        # comments match, several times faster than one plain alternation per theme.
        return tuple(
            (key, re.compile(compiled_source(self.keywords[key], bucketed=True)))
            for key in self.labels
            if self.keywords.get(key)
        )

    @functools.cached_property
    def _scanner(self) -> _Scanner | None:
        """Every theme's phrases filed under the first characters they can start with, so one
        pass over the words tries only the phrases that could match there; None when some
        phrase's start cannot be worked out (then each theme's rule searches the whole text)."""
        entries = [(key, e) for key, _ in self._rules for e in self.keywords[key]]
        parts = [f"(?:{entry_source(e)})(?= )" for _, e in entries]
        filed = by_start(parts)
        if filed is None:
            return None
        size, by_head = filed
        buckets: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for head, found in by_head.items():
            # One rule per theme for this head: its phrases that can start with it.
            grouped: dict[str, list[str]] = {}
            for i in found:
                grouped.setdefault(entries[i][0], []).append(parts[i])
            buckets[head] = [(k, re.compile(f" (?:{'|'.join(ps)})")) for k, ps in grouped.items()]
        return size, word_starts(list(buckets)), buckets

    def classify(self, text: str) -> list[str]:
        """The keys of every theme TEXT raises, in taxonomy order."""
        return self.classify_normalised(normalise(text))

    def classify_normalised(self, padded: str) -> list[str]:
        """`classify` of a text already through `analysis.text.normalise` (PADDED)."""
        scanner = self._scanner
        if scanner is None:
            return [key for key, rule in self._rules if rule.search(padded)]
        size, heads, buckets = scanner
        found: set[str] = set()
        for head in heads.finditer(padded):
            at = head.start()
            for key, rule in buckets[padded[at + 1 : at + 1 + size]]:
                if key not in found and rule.match(padded, at):
                    found.add(key)
        return [key for key, _ in self._rules if key in found]


_Scanner = tuple[int, re.Pattern[str], dict[str, list[tuple[str, re.Pattern[str]]]]]

DEFAULT = Taxonomy(THEMES, KEYWORDS)


def parse_labels(spec: str) -> dict[str, str]:
    """ "key=Label;other=Other label" as a dict; raises ValueError naming a bad entry."""
    labels: dict[str, str] = {}
    for entry in filter(None, (part.strip() for part in spec.split(";"))):
        key, sep, label = entry.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[a-z][a-z0-9_]*", key) or not label.strip():
            raise ValueError(f"theme {entry!r} must look like key=Label (key in lower_snake_case)")
        labels[key] = label.strip()
    return labels


def extend(
    spec: str = "",
    keywords: Mapping[str, tuple[str, ...]] | None = None,
    base: Taxonomy = DEFAULT,
) -> Taxonomy:
    """BASE plus the themes in SPEC ("key=Label;...") and extra phrases for any theme."""
    labels = {**base.labels, **parse_labels(spec)}
    merged = {key: tuple(base.keywords.get(key, ())) for key in labels}
    for key, extra in (keywords or {}).items():
        if key not in labels:
            raise ValueError(f"keywords given for unknown theme {key!r}")
        merged[key] = merged[key] + tuple(extra)
    return Taxonomy(labels, merged)


def classify(text: str, taxonomy: Taxonomy = DEFAULT) -> list[str]:
    """The theme keys TEXT raises."""
    return taxonomy.classify(text)


# (question key, answer) -> (theme key, whether the answer is a complaint). Only answers that
# say something about a theme count; "not needed" and "not sure" say nothing.
_BAD, _GOOD = True, False
ANSWER_THEMES: dict[tuple[str, str], tuple[str, bool]] = {
    ("report_received", "day_before"): ("report_timeliness", _BAD),
    ("report_received", "not_received"): ("report_timeliness", _BAD),
    ("report_received", "two_to_six_days"): ("report_timeliness", _GOOD),
    ("report_received", "week_or_more"): ("report_timeliness", _GOOD),
    ("report_explained", "no"): ("preparation_explanation", _BAD),
    ("report_explained", "yes"): ("preparation_explanation", _GOOD),
    ("felt_prepared", "no"): ("preparation_explanation", _BAD),
    ("felt_prepared", "partly"): ("preparation_explanation", _BAD),
    ("felt_prepared", "yes"): ("preparation_explanation", _GOOD),
    ("po_contact", "no"): ("po_contact", _BAD),
    ("po_contact", "yes"): ("po_contact", _GOOD),
    ("interpreter", "needed_not_provided"): ("interpreter_language", _BAD),
    ("interpreter", "needed_provided"): ("interpreter_language", _GOOD),
    ("access_needs", "no"): ("accessibility_literacy", _BAD),
    ("access_needs", "yes"): ("accessibility_literacy", _GOOD),
    ("invited_in_time", "no"): ("report_timeliness", _BAD),
    ("invited_in_time", "partly"): ("report_timeliness", _BAD),
    ("invited_in_time", "yes"): ("report_timeliness", _GOOD),
    ("took_part", "did_not"): ("childs_voice", _BAD),
}
_YES_PARTLY_NO_THEMES = {
    "respect": "respect_kindness",
    "strengths": "strengths_recognised",
    "understand_plan": "understanding_plan",
    "hear_and_see": "technology_hybrid",
    "asked_views": "childs_voice",
    "listened_to": "childs_voice",
    "know_next": "understanding_plan",
    "asked_for_update": "professional_participation",
    "asked_view_on_risk": "professional_participation",
    "plan_reflects_needs": "plan_quality",
    "clear_structure": "plan_quality",
}
for _question, _theme in _YES_PARTLY_NO_THEMES.items():
    ANSWER_THEMES[(_question, "yes")] = (_theme, _GOOD)
    ANSWER_THEMES[(_question, "partly")] = (_theme, _BAD)
    ANSWER_THEMES[(_question, "no")] = (_theme, _BAD)


def answer_themes(answers: Mapping[str, str]) -> list[tuple[str, bool]]:
    """(theme key, is a complaint) for each structured answer that speaks to a theme."""
    found = (ANSWER_THEMES.get((question, value)) for question, value in answers.items())
    return [hit for hit in found if hit is not None]


def themes_from_answers(answers: Mapping[str, str]) -> list[str]:
    """The theme keys the structured ANSWERS of a questionnaire speak to, in taxonomy order."""
    raised = {theme for theme, _ in answer_themes(answers)}
    return [key for key in THEMES if key in raised]
