"""The lists the annual reports count by, in the words DOMAIN.md uses: key → label.

Keys are stored on records and never change; labels are what people read.
"""

from __future__ import annotations

from heard.errors import HeardError

CONSULTATION_CATEGORIES: dict[str, str] = {
    "neglect": "Neglect",
    "emotional_abuse": "Emotional abuse",
    "physical_abuse": "Physical abuse",
    "sexual_abuse": "Sexual abuse",
    "multiple": "Multiple",
}

# Milton Keynes' list of prevalent issues.
PREVALENT_ISSUES: dict[str, str] = {
    "domestic_abuse": "Domestic abuse",
    "parental_mental_health": "Parental mental health",
    "parental_drug_misuse": "Parental drug misuse",
    "parental_alcohol_misuse": "Parental alcohol misuse",
    "person_posing_a_risk": "Person posing a risk to children",
    "parental_learning_disability": "Parental learning disability",
    "parental_physical_disability": "Parental physical disability",
    "parental_ill_health": "Parental ill health",
    "child_exploitation": "Child sexual or criminal exploitation (CSE/CCE)",
    "honour_based_abuse": "Honour based abuse",
    "risk_outside_the_home": "Risk outside the home",
    "no_issues_identified": "No issues identified",
}
NO_ISSUES_IDENTIFIED = "no_issues_identified"

# Milton Keynes' consultation outcomes.
CONSULTATION_OUTCOMES: dict[str, str] = {
    "icpc": "ICPC",
    "continue_cin": "Continue with child in need plan",
    "strategy_meeting": "Strategy meeting to be held",
    "legal_advice_plo": "Legal advice / PLO",
    "review_after_information": "Review following further information gathering",
    "mapping": "Mapping",
    "other": "Other",
}

URGENCIES: dict[str, str] = {
    "today": "Today",
    "this_week": "This week",
    "routine": "Routine",
}


def choose(value: str, choices: dict[str, str], what: str) -> str:
    """VALUE if it is one of CHOICES' keys; otherwise a HeardError naming WHAT."""
    if value not in choices:
        raise HeardError(f"Unknown {what}: {value[:40]!r}.")
    return value


def choose_issues(values: list[str]) -> list[str]:
    """The prevalent issues chosen, once each: at least one, and "none" only on its own."""
    issues = [choose(v, PREVALENT_ISSUES, "prevalent issue") for v in dict.fromkeys(values)]
    if not issues:
        raise HeardError('Choose at least one prevalent issue, or "No issues identified".')
    if NO_ISSUES_IDENTIFIED in issues and len(issues) > 1:
        raise HeardError('"No issues identified" cannot be chosen with other issues.')
    return issues
