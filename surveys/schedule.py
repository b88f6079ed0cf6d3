"""Importing the conference schedule exported from the case system: all of a file, or none of it.

One row per invitee; the conference columns repeat on each of its invitees' rows. A conference is
identified by (case reference, conference type, date), so re-importing a schedule updates it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from heard.clock import from_london, london
from heard.errors import HeardError
from heard.i18n import LANGUAGES
from heard.models import Conference, ConferenceType, Officer, Site
from surveys.invitations import expiry_for
from surveys.models import Invitation, RespondentType
from surveys.schedule_outcomes import (
    OPTIONAL_COLUMNS,
    ConferenceOutcome,
    apply_conference_outcome,
    apply_invitee_extras,
    parse_conference_outcome,
    parse_invitee_extras,
)

COLUMNS = (
    "case_reference",
    "conference_type",
    "date",
    "time",
    "site",
    "chair_email",
    "strategy_discussion_date",
    "invitee_role",
    "agency",
    "language",
    *OPTIONAL_COLUMNS,
)
REQUIRED = ("case_reference", "conference_type", "date", "time", "site", "invitee_role")
CASE_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$")
_TYPES = {
    "icpc": ConferenceType.ICPC,
    "initial": ConferenceType.ICPC,
    "rcpc": ConferenceType.RCPC,
    "review": ConferenceType.RCPC,
    "transfer-in": ConferenceType.TRANSFER_IN,
    "transfer in": ConferenceType.TRANSFER_IN,
    "transferin": ConferenceType.TRANSFER_IN,
}
_ROLES = {
    "parent": RespondentType.PARENT,
    "carer": RespondentType.PARENT,
    "parent/carer": RespondentType.PARENT,
    "child": RespondentType.CHILD,
    "young person": RespondentType.CHILD,
    "child/young person": RespondentType.CHILD,
    "professional": RespondentType.PROFESSIONAL,
}
_LANGUAGE_NAMES = {lang.english_name.casefold(): code for code, lang in LANGUAGES.items()}


@dataclass(frozen=True)
class LineError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ScheduleRejected(HeardError):
    """The file has bad lines; none of it was imported."""

    def __init__(self, errors: list[LineError]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s) found; nothing was imported.")


@dataclass(frozen=True)
class Invitee:
    respondent_type: str
    agency: str | None
    language: str
    family_role: str | None = None
    attendance: str | None = None

    @property
    def place(self) -> tuple[str, str | None, str]:
        """What identifies an invitation across imports (who they are and how they took part
        may be filled in later)."""
        return (self.respondent_type, self.agency, self.language)


@dataclass
class ScheduledConference:
    case_reference: str
    conference_type: str
    starts_on: date
    starts_at: datetime
    site: Site
    chair: Officer | None
    strategy_discussion_on: date | None
    first_line: int
    outcome: ConferenceOutcome = field(default_factory=ConferenceOutcome)
    invitees: list[Invitee] = field(default_factory=list)


@dataclass
class ImportReport:
    conferences_created: int = 0
    conferences_updated: int = 0
    invitations_added: int = 0
    invitations_withdrawn: int = 0


def read_csv(data: bytes) -> list[dict[str, str]]:
    """Rows of a CSV upload, refusing what is not UTF-8 text with a header line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScheduleRejected(
            [LineError(1, "", "the file is not UTF-8 text (save it as CSV UTF-8)")]
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    _check_header(header)
    reader.fieldnames = header
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _check_header(header: list[str]) -> None:
    if not header:
        raise ScheduleRejected([LineError(1, "", "the file is empty; it needs a header line")])
    errors = [
        LineError(
            1, name, "names of children, parents or carers are not accepted: remove the column"
        )
        for name in header
        if "name" in name
    ]
    errors += [
        LineError(1, name, "this column is missing") for name in REQUIRED if name not in header
    ]
    errors += [
        LineError(1, name, f"unknown column (expected: {', '.join(COLUMNS)})")
        for name in header
        if name not in COLUMNS and "name" not in name
    ]
    if errors:
        raise ScheduleRejected(errors)


def import_schedule(
    session: Session,
    *,
    rows: list[dict[str, str]],
    now: datetime,
    expiry_days: int,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate every row, then create or update conferences and their invitations in one go."""
    sites = {s.name.casefold(): s for s in session.scalars(select(Site))}
    chairs = {o.email.casefold(): o for o in session.scalars(select(Officer))}
    errors: list[LineError] = []
    scheduled: dict[tuple[str, str, date], ScheduledConference] = {}
    today = london(now).date()
    for number, row in enumerate(rows, start=2):
        _parse_row(number, row, sites, chairs, scheduled, errors, today)
        if progress:
            progress(1)
    if not rows:
        errors.append(LineError(2, "", "the file has a header but no conferences"))
    if errors:
        raise ScheduleRejected(errors)
    report = ImportReport()
    present = frozenset(rows[0])
    for item in scheduled.values():
        _save(session, item, now=now, expiry_days=expiry_days, report=report, present=present)
    session.flush()
    return report


def _parse_row(
    number: int,
    row: dict[str, str],
    sites: dict[str, Site],
    chairs: dict[str, Officer],
    scheduled: dict[tuple[str, str, date], ScheduledConference],
    errors: list[LineError],
    today: date,
) -> None:
    line_errors: list[LineError] = []

    def fail(column: str, message: str) -> None:
        line_errors.append(LineError(number, column, message))

    reference = row.get("case_reference", "")
    if not CASE_REFERENCE.match(reference):
        fail(
            "case_reference",
            "must be the case system's reference: letters, digits and / _ . - only",
        )
    conference_type = _TYPES.get(row.get("conference_type", "").casefold())
    if conference_type is None:
        fail("conference_type", "must be ICPC, RCPC or transfer-in")
    starts_on = _parse_date(row.get("date", ""), "date", fail, required=True)
    at = _parse_time(row.get("time", ""), fail)
    site = sites.get(row.get("site", "").casefold())
    if site is None:
        known = ", ".join(s.name for s in sites.values()) or "none set up yet"
        fail("site", f"unknown site {row.get('site', '')!r} (known: {known})")
    chair = _parse_chair(row.get("chair_email", ""), chairs, fail)
    strategy = _parse_date(
        row.get("strategy_discussion_date", ""), "strategy_discussion_date", fail
    )
    if conference_type == ConferenceType.ICPC and strategy is None and starts_on is not None:
        fail("strategy_discussion_date", "an ICPC needs the date of its strategy discussion")
    if strategy and starts_on and strategy > starts_on:
        fail("strategy_discussion_date", "the strategy discussion cannot be after the conference")
    outcome = parse_conference_outcome(
        row,
        conference_type,
        starts_on,
        today,
        lambda raw, column: _parse_date(raw, column, fail),
        fail,
    )
    invitee = _parse_invitee(row, fail)
    if invitee is not None:
        family_role, attendance = parse_invitee_extras(
            row, invitee.respondent_type, starts_on, today, fail
        )
        invitee = Invitee(*invitee.place, family_role, attendance)
    errors.extend(line_errors)
    if line_errors or None in (conference_type, starts_on, at, site, invitee):
        return
    assert conference_type and starts_on and at and site and invitee
    key = (reference, str(conference_type), starts_on)
    item = scheduled.get(key)
    if item is None:
        item = ScheduledConference(
            reference,
            str(conference_type),
            starts_on,
            from_london(starts_on, at),
            site,
            chair,
            strategy,
            number,
            outcome,
        )
        scheduled[key] = item
    elif (item.starts_at, item.site, item.chair, item.strategy_discussion_on, item.outcome) != (
        from_london(starts_on, at),
        site,
        chair,
        strategy,
        outcome,
    ):
        errors.append(
            LineError(
                number,
                "",
                f"disagrees with line {item.first_line} about this conference's time, site, chair,"
                " strategy date, outcome or re-arrangement",
            )
        )
        return
    item.invitees.append(invitee)


def _parse_date(
    raw: str, column: str, fail: Callable[[str, str], None], required: bool = False
) -> date | None:
    if not raw:
        if required:
            fail(column, "is missing")
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    fail(column, f"{raw!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)")
    return None


def _parse_time(raw: str, fail: Callable[[str, str], None]) -> time | None:
    try:
        return datetime.strptime(raw, "%H:%M").time()
    except ValueError:
        fail("time", f"{raw!r} is not a time (use 24-hour HH:MM)")
        return None


def _parse_chair(
    raw: str, chairs: dict[str, Officer], fail: Callable[[str, str], None]
) -> Officer | None:
    if not raw:
        return None
    chair = chairs.get(raw.casefold())
    if chair is None:
        fail(
            "chair_email",
            f"no officer with email {raw!r}: add them with 'heard officers add' first",
        )
    return chair


def _parse_invitee(row: dict[str, str], fail: Callable[[str, str], None]) -> Invitee | None:
    role = _ROLES.get(row.get("invitee_role", "").casefold())
    agency = row.get("agency") or None
    raw_language = row.get("language", "") or "en"
    language = (
        raw_language if raw_language in LANGUAGES else _LANGUAGE_NAMES.get(raw_language.casefold())
    )
    if role is None:
        fail("invitee_role", "must be parent, child or professional")
    elif role == RespondentType.PROFESSIONAL and not agency:
        fail("agency", "a professional's agency is needed (e.g. school, health, police)")
    elif role != RespondentType.PROFESSIONAL and agency:
        fail("agency", "only professionals have an agency; leave it empty for families")
    if language is None:
        fail(
            "language",
            f"{raw_language!r} is not a supported language (codes: {', '.join(LANGUAGES)})",
        )
    if role is None or language is None:
        return None
    return Invitee(str(role), agency, language)


def _save(
    session: Session,
    item: ScheduledConference,
    *,
    now: datetime,
    expiry_days: int,
    report: ImportReport,
    present: frozenset[str],
) -> None:
    conference = _find(session, item, item.starts_on)
    if conference is None and item.outcome.rearranged_from:
        # Moved from the date it was first due: the same conference (and its printed
        # invitations) on a new date, not a second one.
        conference = _find(session, item, item.outcome.rearranged_from)
        if conference is not None:
            conference.starts_on = item.starts_on
    if conference is None:
        conference = Conference(
            case_reference=item.case_reference,
            conference_type=item.conference_type,
            starts_on=item.starts_on,
        )
        session.add(conference)
        report.conferences_created += 1
    else:
        report.conferences_updated += 1
    conference.starts_at = item.starts_at
    conference.site = item.site
    conference.chair = item.chair
    conference.strategy_discussion_on = item.strategy_discussion_on
    conference.imported_at = now
    apply_conference_outcome(conference, item.outcome, present)
    session.flush()
    _reconcile_invitations(
        session,
        conference,
        item.invitees,
        now=now,
        expiry_days=expiry_days,
        report=report,
        present=present,
    )


def _find(session: Session, item: ScheduledConference, on: date) -> Conference | None:
    return session.scalar(
        select(Conference).where(
            Conference.case_reference == item.case_reference,
            Conference.conference_type == item.conference_type,
            Conference.starts_on == on,
        )
    )


def _reconcile_invitations(
    session: Session,
    conference: Conference,
    invitees: Iterable[Invitee],
    *,
    now: datetime,
    expiry_days: int,
    report: ImportReport,
    present: frozenset[str],
) -> None:
    """Keep as many invitations of each (role, agency, language) as the schedule lists; an
    invitation already recorded as the same family member (mother, father...) is kept for them."""
    wanted = list(invitees)
    existing = session.scalars(
        select(Invitation).where(Invitation.conference_id == conference.id).order_by(Invitation.id)
    ).all()
    matched: dict[int, Invitee] = {}
    for same_role in (True, False):
        for invitation in existing:
            if invitation.id in matched:
                continue
            place = (invitation.respondent_type, invitation.agency, invitation.language)
            for index, invitee in enumerate(wanted):
                if invitee.place == place and (
                    not same_role or invitee.family_role == invitation.family_role
                ):
                    matched[invitation.id] = wanted.pop(index)
                    break
    for invitation in existing:
        invitation.expires_at = expiry_for(conference, expiry_days)
        invitee = matched.get(invitation.id)
        if invitee is not None:
            invitation.withdrawn = False
            apply_invitee_extras(invitation, invitee.family_role, invitee.attendance, present)
        elif not invitation.withdrawn:
            invitation.withdrawn = True
            report.invitations_withdrawn += 1
    for invitee in wanted:
        invitation = Invitation(
            conference_id=conference.id,
            respondent_type=invitee.respondent_type,
            agency=invitee.agency,
            language=invitee.language,
            expires_at=expiry_for(conference, expiry_days),
            created_at=now,
        )
        apply_invitee_extras(invitation, invitee.family_role, invitee.attendance, present)
        session.add(invitation)
        report.invitations_added += 1


def count_conferences(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Conference)) or 0
