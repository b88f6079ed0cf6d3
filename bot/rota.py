"""The duty rota: who is the duty Principal Officer at each site, day by day, in one place.

A site's rotation gives one PO a week (Monday-start weeks, in turn from the anchor Monday) on
working days only. Overrides put a covering officer (or nobody) in for some days, the newest
winning; recorded leave of the officer on duty is a gap. Chat, web, CLI, iCal and clock ask here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models import OfficerLeave, OverrideReason, RotaOverride, Rotation
from bot.notices import notify
from heard import outbox
from heard.clock import london
from heard.db import transaction
from heard.errors import HeardError, NotFound
from heard.models import Officer, OutboxMessage, Site
from heard.scheduler import Job, JobContext
from heard.workdays import add_working_days, is_working_day, is_working_time, next_working_day

ROTA_ROLES = frozenset({"principal_officer", "assistant_head"})
REASONS = tuple(reason.value for reason in OverrideReason)
NO_ROTATION = "no rotation"
MAX_RANGE_DAYS = 366
GAP_WARNING_DAYS = 10
WEEK_POST_AT = time(8, 30)


@dataclass(frozen=True)
class DutyAnswer:
    """Who is on duty at SITE at a moment; outside working hours, who to call instead."""

    site: Site
    officer: Officer | None
    rota_officer: Officer | None
    covering: bool
    reason: str | None  # why the officer is not the rota's PO, or why nobody is on duty
    working_time: bool
    out_of_hours_contact: str | None


@dataclass(frozen=True)
class DutyDay:
    """Who is on duty at SITE on DAY, a working day."""

    site: Site
    day: date
    officer: Officer | None
    rota_officer: Officer | None
    covering: bool
    reason: str | None


@dataclass(frozen=True)
class RotaGap:
    """A working day with nobody on duty at a site, and why."""

    site: Site
    day: date
    reason: str


def set_rotation(
    session: Session,
    *,
    site_name: str,
    officer_emails: list[str],
    anchor_monday: date,
    now: datetime,
) -> Rotation:
    """Set a site's weekly duty rotation: the officers in turn, a week each, from a Monday."""
    site = _site(session, site_name)
    if anchor_monday.weekday() != 0:
        raise HeardError(f"{_long(anchor_monday)} is not a Monday: a rota week starts on one.")
    if not officer_emails:
        raise HeardError("Name at least one Principal Officer for the rotation.")
    officers = [_rota_member(session, email) for email in officer_emails]
    rotation = session.scalar(select(Rotation).where(Rotation.site_id == site.id))
    if rotation is None:
        rotation = Rotation(site_id=site.id, site=site)
        session.add(rotation)
    rotation.anchor_monday, rotation.updated_at = anchor_monday, now
    rotation.officer_ids = [officer.id for officer in officers]
    session.flush()
    return rotation


def add_override(
    session: Session,
    *,
    site_name: str,
    starts_on: date,
    ends_on: date,
    absent_email: str | None,
    covering_email: str | None,
    reason: str,
    by: str,
    now: datetime,
) -> RotaOverride:
    """Put a covering officer (or nobody) on duty at a site for some days, instead of the rota."""
    site = _site(session, site_name)
    _check_range(starts_on, ends_on)
    if reason not in REASONS:
        raise HeardError(f"The reason must be one of {', '.join(REASONS)}, not {reason!r}.")
    if not by.strip():
        raise HeardError("Say who is recording the change (--by).")
    absent = _officer(session, absent_email) if absent_email else None
    covering = _rota_member(session, covering_email) if covering_email else None
    if absent is not None and absent is covering:
        raise HeardError(f"{absent.display_name} cannot cover their own absence.")
    if absent is not None:
        _check_on_duty(session, site, absent, starts_on, ends_on)
    override = RotaOverride(
        site=site,
        starts_on=starts_on,
        ends_on=ends_on,
        absent_officer=absent,
        covering_officer=covering,
        reason=reason,
        created_at=now,
        created_by=by.strip().lower(),
    )
    session.add(override)
    session.flush()
    return override


def record_leave(
    session: Session, *, officer_email: str, starts_on: date, ends_on: date, now: datetime
) -> OfficerLeave:
    """Record an officer's leave: a duty day that falls on it is a gap for the rota keeper."""
    officer = _officer(session, officer_email)
    _check_range(starts_on, ends_on)
    leave = OfficerLeave(
        officer=officer, starts_on=starts_on, ends_on=ends_on, kind="leave", created_at=now
    )
    session.add(leave)
    session.flush()
    return leave


def duty_officer(
    session: Session, *, site: Site, at: datetime, out_of_hours_contact: str
) -> DutyAnswer:
    """Who is on duty at SITE at AT; outside working hours, also who to call instead."""
    return _answers(session, [site], at, out_of_hours_contact)[0]


def duty_today(session: Session, *, at: datetime, out_of_hours_contact: str) -> list[DutyAnswer]:
    """Who is on duty at every site at AT, ordered by site name."""
    sites = list(session.scalars(select(Site).order_by(Site.name)))
    return _answers(session, sites, at, out_of_hours_contact)


def duty_between(
    session: Session, *, start: date, end: date, sites: list[Site] | None = None
) -> list[DutyDay]:
    """Who is on duty on each working day from START to END, by day then site name."""
    if sites is None:
        sites = list(session.scalars(select(Site).order_by(Site.name)))
    rota = _Rota.load(session, start, end)
    days = (start + timedelta(days=n) for n in range((end - start).days + 1))
    return [rota.duty(site, day) for day in days if is_working_day(day) for site in sites]


def rota_gaps(session: Session, *, from_day: date, days: int) -> list[RotaGap]:
    """Every (site, working day) with nobody on duty in the DAYS working days from FROM_DAY."""
    if days <= 0:
        return []
    start = next_working_day(from_day)
    end = add_working_days(start, days - 1)
    return [
        RotaGap(duty.site, duty.day, duty.reason or NO_ROTATION)
        for duty in duty_between(session, start=start, end=end)
        if duty.officer is None
    ]


def describe(duty: DutyDay) -> str:
    """'Amira Hussain', 'Ben Smith, covering (sickness)' or 'nobody on duty (leave)'."""
    if duty.officer is None:
        return f"nobody on duty ({duty.reason})"
    if duty.covering:
        return f"{duty.officer.display_name}, covering ({duty.reason})"
    return duty.officer.display_name


def warn_rota_keeper(
    session: Session,
    *,
    now: datetime,
    keeper_email: str,
    channel: str,
    days: int = GAP_WARNING_DAYS,
) -> list[RotaGap]:
    """Tell the rota keeper (never the absent PO) of each gap ahead, once per site, day, reason."""
    gaps = rota_gaps(session, from_day=london(now).date(), days=days)
    for gap in gaps:
        key = f"rota-gap:{gap.site.id}:{gap.day.isoformat()}:{gap.reason}"
        subject = f"No duty PO at {gap.site.name} on {_long(gap.day)}"
        body = (
            f"Nobody is on duty as Principal Officer at {gap.site.name} on {_long(gap.day)} "
            f"({gap.reason}). Arrange cover and record it with `heard rota override`."
        )
        outbox.enqueue(
            session,
            dedupe_key=f"{key}:email",
            channel="email",
            recipient=keeper_email,
            subject=subject,
            body=body,
            now=now,
        )
        notify(session, key=f"{key}:chat", recipient=channel, text=body, title=subject, now=now)
    return gaps


def post_duty_week(session: Session, *, now: datetime, channel: str) -> OutboxMessage | None:
    """Post the week's duty POs to CHANNEL once, from 08:30 on the week's first working day."""
    local = london(now)
    monday = local.date() - timedelta(days=local.weekday())
    # A week that starts on a bank holiday Monday is posted on the Tuesday, when it starts.
    if local.date() != next_working_day(monday) or local.time() < WEEK_POST_AT:
        return None
    year, week, _ = monday.isocalendar()
    days = duty_between(session, start=monday, end=monday + timedelta(days=4))
    return notify(
        session,
        key=f"monday-duty-post:{year}-W{week:02d}",
        recipient=channel,
        title=f"Duty Principal Officers for the week of {_long(monday)}",
        text=week_text(days, monday),
        now=now,
    )


def week_text(days: list[DutyDay], monday: date) -> str:
    """The week's post: each site's PO, then each day that differs (covers and gaps)."""
    lines = [f"Duty Principal Officers for the week of {_long(monday)}"]
    skipped = [monday + timedelta(days=n) for n in range(5)]
    lines += [f"{_long(day)} is a bank holiday." for day in skipped if not is_working_day(day)]
    by_site: dict[int, list[DutyDay]] = defaultdict(list)
    for duty in days:
        by_site[duty.site.id].append(duty)
    for site_days in by_site.values():
        rota_officer = site_days[0].rota_officer
        name = rota_officer.display_name if rota_officer else NO_ROTATION
        lines.append(f"{site_days[0].site.name}: {name}")
        lines += [
            f"  {duty.day:%a} {duty.day.day} {duty.day:%b}: {describe(duty)}"
            for duty in site_days
            if duty.covering or (duty.officer is None and rota_officer is not None)
        ]
    return "\n".join(lines)


def warn_of_gaps(context: JobContext) -> None:
    """Warn the rota keeper of gaps in the duty rota over the next ten working days."""
    settings = context.settings
    with transaction(context.factory) as session:
        warn_rota_keeper(
            session,
            now=context.now(),
            keeper_email=settings.rota_keeper_email,
            channel=settings.service_chat_channel,
        )


def post_monday_duty(context: JobContext) -> None:
    """Post the week's duty POs to the service's channel on Monday morning."""
    with transaction(context.factory) as session:
        post_duty_week(session, now=context.now(), channel=context.settings.service_chat_channel)


def jobs() -> list[Job]:
    """The rota's clock jobs."""
    return [
        Job("rota-gap-warning", 3600, warn_of_gaps),
        Job("monday-duty-post", 300, post_monday_duty),
    ]


@dataclass
class _Rota:
    """Rotations, overrides and leave for a window, loaded once, so each day is pure arithmetic."""

    rotations: dict[int, Rotation]
    officers: dict[int, Officer]
    overrides: dict[int, list[RotaOverride]] = field(default_factory=lambda: defaultdict(list))
    leave: dict[int, list[OfficerLeave]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def load(cls, session: Session, start: date, end: date) -> _Rota:
        rotations = {rotation.site_id: rotation for rotation in session.scalars(select(Rotation))}
        ids = sorted({i for rotation in rotations.values() for i in rotation.officer_ids})
        officers = select(Officer).where(Officer.id.in_(ids))
        rota = cls(rotations, {officer.id: officer for officer in session.scalars(officers)})
        overrides = (
            select(RotaOverride)
            .where(RotaOverride.starts_on <= end, RotaOverride.ends_on >= start)
            .order_by(RotaOverride.created_at, RotaOverride.id)
        )
        for override in session.scalars(overrides):
            rota.overrides[override.site_id].append(override)
        leave = select(OfficerLeave).where(
            OfficerLeave.starts_on <= end, OfficerLeave.ends_on >= start
        )
        for entry in session.scalars(leave):
            rota.leave[entry.officer_id].append(entry)
        return rota

    def rota_officer(self, site: Site, day: date) -> Officer | None:
        rotation = self.rotations.get(site.id)
        if rotation is None or day < rotation.anchor_monday or not rotation.officer_ids:
            return None
        week = (day - rotation.anchor_monday).days // 7
        return self.officers.get(rotation.officer_ids[week % len(rotation.officer_ids)])

    def duty(self, site: Site, day: date) -> DutyDay:
        rota_officer = self.rota_officer(site, day)
        officer, override = rota_officer, None
        for candidate in self.overrides[site.id]:  # oldest first, so the newest wins
            if candidate.starts_on <= day <= candidate.ends_on and _applies(
                candidate, rota_officer, officer
            ):
                officer, override = candidate.covering_officer, candidate
        if officer is None:
            gap = f"{override.reason} with no cover" if override else NO_ROTATION
            return DutyDay(site, day, None, rota_officer, False, gap)
        away = self.away(officer, day)
        if away:
            return DutyDay(site, day, None, rota_officer, False, away)
        if override is None or officer is rota_officer:
            return DutyDay(site, day, officer, rota_officer, False, None)
        return DutyDay(site, day, officer, rota_officer, True, override.reason)

    def away(self, officer: Officer, day: date) -> str | None:
        """Why OFFICER cannot be on duty on DAY (recorded leave, or no longer active), if so."""
        if not officer.active:
            return "officer no longer active"
        for entry in self.leave[officer.id]:
            if entry.starts_on <= day <= entry.ends_on:
                return entry.kind
        return None


def _applies(override: RotaOverride, rota_officer: Officer | None, current: Officer | None) -> bool:
    # An override that names the absent officer concerns only the days they would be on duty:
    # a fortnight's sickness must not displace the PO whose week comes next.
    absent = override.absent_officer
    return absent is None or rota_officer is None or absent in (rota_officer, current)


def _answers(session: Session, sites: list[Site], at: datetime, contact: str) -> list[DutyAnswer]:
    day, working_time = london(at).date(), is_working_time(at)
    # Outside working hours on a working day, the day's PO is still named, with the contact.
    duties = duty_between(session, start=day, end=day, sites=sites)
    by_site = {duty.site.id: duty for duty in duties}
    answers = []
    for site in sites:
        duty = by_site.get(site.id)
        answers.append(
            DutyAnswer(
                site=site,
                officer=duty.officer if duty else None,
                rota_officer=duty.rota_officer if duty else None,
                covering=duty.covering if duty else False,
                reason=duty.reason if duty else None,
                working_time=working_time,
                out_of_hours_contact=None if working_time else contact,
            )
        )
    return answers


def _site(session: Session, name: str) -> Site:
    site = session.scalar(select(Site).where(Site.name == name.strip()))
    if site is None:
        raise NotFound(f"Unknown site {name!r}: add it with 'heard sites add' first.")
    return site


def _officer(session: Session, email: str) -> Officer:
    officer = session.scalar(
        select(Officer).where(func.lower(Officer.email) == email.strip().lower())
    )
    if officer is None:
        raise NotFound(f"Unknown officer {email!r}: add them with 'heard officers add' first.")
    return officer


def _rota_member(session: Session, email: str) -> Officer:
    officer = _officer(session, email)
    if officer.role not in ROTA_ROLES or not officer.active:
        raise HeardError(f"{officer.display_name} is not an active PO, so cannot be duty PO.")
    return officer


def _check_on_duty(session: Session, site: Site, absent: Officer, start: date, end: date) -> None:
    # An override for someone who is not on duty then would change nothing: say so instead.
    for duty in duty_between(session, start=start, end=end, sites=[site]):
        if duty.rota_officer is None or absent in (duty.rota_officer, duty.officer):
            return
    raise HeardError(
        f"{absent.display_name} is not on duty at {site.name} from {_long(start)} to "
        f"{_long(end)}: check the dates and who is away."
    )


def _check_range(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise HeardError(f"The last day ({ends_on}) is before the first ({starts_on}).")
    if (ends_on - starts_on).days >= MAX_RANGE_DAYS:
        raise HeardError("That is more than a year: check the dates.")


def _long(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"
