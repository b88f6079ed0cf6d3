"""The schedule's optional columns about what happened: outcomes, categories of abuse, children,
re-arrangements, who each family invitee is and how each invitee took part.

They are known after the conference, so business support fills them in and imports the same
schedule again. A file without these columns leaves what earlier imports recorded unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from heard.models import (
    CATEGORIES_OF_ABUSE,
    CONFERENCE_OUTCOMES,
    REARRANGED_REASONS,
    Conference,
    ConferenceType,
)
from surveys.models import ATTENDANCE, FAMILY_ROLES, Invitation, RespondentType

CONFERENCE_COLUMNS = (
    "outcome",
    "category_of_abuse",
    "children",
    "original_date",
    "rearranged_reason",
)
INVITEE_COLUMNS = ("family_role", "attendance")
OPTIONAL_COLUMNS = CONFERENCE_COLUMNS + INVITEE_COLUMNS

_OUTCOMES_BY_TYPE = {
    ConferenceType.ICPC: ("plan", "no_plan"),
    ConferenceType.RCPC: ("plan_continued", "plan_ended"),
    ConferenceType.TRANSFER_IN: ("plan_continued", "plan_ended"),
}
_WITH_A_PLAN = ("plan", "plan_continued")
_MOST_CHILDREN = 20  # more than this on one conference is a typing error
_FAMILY_ROLES_OF = {
    RespondentType.PARENT: ("mother", "father", "carer"),
    RespondentType.CHILD: ("child",),
    RespondentType.PROFESSIONAL: (),
}
Fail = Callable[[str, str], None]


def _key(raw: str) -> str:
    """ "No plan", "no-plan" and "NO_PLAN" all read as no_plan."""
    return "_".join(raw.casefold().replace("-", " ").replace("_", " ").split())


def _choose(
    raw: str, choices: dict[str, str], allowed: tuple[str, ...], column: str, fail: Fail
) -> str | None:
    """The key RAW names (by key or label) among ALLOWED, or None after reporting why not."""
    if not raw:
        return None
    wanted = _key(raw)
    for key in allowed:
        if wanted in (key, _key(choices[key])):
            return key
    names = ", ".join(choices[key].lower() for key in allowed)
    fail(column, f"{raw[:40]!r} is not one of: {names}")
    return None


@dataclass(frozen=True)
class ConferenceOutcome:
    outcome: str | None = None
    category_of_abuse: str | None = None
    children: int | None = None
    rearranged_from: date | None = None
    rearranged_reason: str | None = None


def parse_conference_outcome(
    row: dict[str, str],
    conference_type: str | None,
    starts_on: date | None,
    today: date,
    parse_date: Callable[[str, str], date | None],
    fail: Fail,
) -> ConferenceOutcome:
    """The optional conference columns of ROW, each checked against the others."""
    raw_outcome = row.get("outcome", "")
    outcome = None
    if raw_outcome and conference_type is not None:
        allowed = _OUTCOMES_BY_TYPE[ConferenceType(conference_type)]
        outcome = _choose(raw_outcome, CONFERENCE_OUTCOMES, allowed, "outcome", fail)
    category = _choose(
        row.get("category_of_abuse", ""),
        CATEGORIES_OF_ABUSE,
        tuple(CATEGORIES_OF_ABUSE),
        "category_of_abuse",
        fail,
    )
    if category and outcome not in _WITH_A_PLAN and not (raw_outcome and outcome is None):
        fail("category_of_abuse", "a category of abuse goes with an outcome of a plan")
    if raw_outcome and starts_on and starts_on > today:
        fail("outcome", "the conference has not happened yet; record its outcome afterwards")
    children = _parse_children(row.get("children", ""), fail)
    original = parse_date(row.get("original_date", ""), "original_date")
    if original and starts_on and original == starts_on:
        fail("original_date", "is the same as date; leave it empty if it was not re-arranged")
    reason = _choose(
        row.get("rearranged_reason", ""),
        REARRANGED_REASONS,
        tuple(REARRANGED_REASONS),
        "rearranged_reason",
        fail,
    )
    if reason and not original and not row.get("original_date"):
        fail("rearranged_reason", "give the original_date it was re-arranged from as well")
    return ConferenceOutcome(outcome, category, children, original, reason)


def _parse_children(raw: str, fail: Fail) -> int | None:
    if not raw:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= _MOST_CHILDREN:
        fail("children", f"{raw[:20]!r} is not a number of children from 1 to {_MOST_CHILDREN}")
        return None
    return int(raw)


def parse_invitee_extras(
    row: dict[str, str],
    respondent_type: str | None,
    starts_on: date | None,
    today: date,
    fail: Fail,
) -> tuple[str | None, str | None]:
    """(family role, attendance) of ROW's invitee."""
    raw_role = row.get("family_role", "")
    family_role = None
    if raw_role and respondent_type is not None:
        allowed = _FAMILY_ROLES_OF[RespondentType(respondent_type)]
        if not allowed:
            fail("family_role", "professionals have no family role; leave it empty")
        else:
            family_role = _choose(raw_role, _ROLE_WORDS, allowed, "family_role", fail)
    elif respondent_type == RespondentType.CHILD:
        family_role = "child"
    attendance = _choose(
        row.get("attendance", ""), ATTENDANCE, tuple(ATTENDANCE), "attendance", fail
    )
    if attendance and starts_on and starts_on > today:
        fail("attendance", "the conference has not happened yet; record attendance afterwards")
    return family_role, attendance


# The singular words a schedule uses: "mother", not the reports' "Mothers".
_ROLE_WORDS = {key: key for key in FAMILY_ROLES}


def apply_conference_outcome(
    conference: Conference, outcome: ConferenceOutcome, present: frozenset[str]
) -> None:
    """Record OUTCOME on CONFERENCE, for the columns the file has."""
    if "outcome" in present:
        conference.outcome = outcome.outcome
    if "category_of_abuse" in present:
        conference.category_of_abuse = outcome.category_of_abuse
    if "children" in present:
        conference.children = outcome.children
    if "original_date" in present:
        conference.rearranged_from = outcome.rearranged_from
    if "rearranged_reason" in present:
        conference.rearranged_reason = outcome.rearranged_reason


def apply_invitee_extras(
    invitation: Invitation,
    family_role: str | None,
    attendance: str | None,
    present: frozenset[str],
) -> None:
    if "family_role" in present or family_role == "child":
        invitation.family_role = family_role
    if "attendance" in present:
        invitation.attendance = attendance
