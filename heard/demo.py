"""Demo data for the embedded mode: two sites, a few staff, a week of conferences with invitees."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.checklist import ensure_checklists
from bot.rota import add_override, set_rotation
from heard.demo_feedback import load_demo_feedback
from heard.models import Conference, Officer, Site
from heard.settings import Settings
from staff.accounts import add_account
from staff.roles import Role
from surveys.schedule import import_schedule

SITES = ("One Avenue Road", "Lifford House")
STAFF = (
    ("amira.hussain@example.org", "Amira Hussain", "principal_officer", "One Avenue Road"),
    ("daniel.okafor@example.org", "Daniel Okafor", "principal_officer", "Lifford House"),
    ("grace.bennett@example.org", "Grace Bennett", "principal_officer", "Lifford House"),
    ("tom.walsh@example.org", "Tom Walsh", "principal_officer", "One Avenue Road"),
    ("priya.sandhu@example.org", "Priya Sandhu", "assistant_head", "One Avenue Road"),
)
# (role, agency, language) invitees of each demo conference.
INVITEES = (
    ("parent", "", "ur"),
    ("parent", "", "en"),
    ("child", "", "en"),
    ("professional", "school", "en"),
    ("professional", "health", "en"),
)
SOCIAL_WORKER = "sam.ahmed@example.org"
# Staff-page accounts for the demo: (email, name, roles, site). Embedded mode only; the password is
# printed by `make run` and is not a secret.
DEMO_PASSWORD = "heard-demo-only"
DEMO_ACCOUNTS = (
    ("bea.clarke@example.org", "Bea Clarke", ("business_support",), "One Avenue Road"),
    ("amira.hussain@example.org", "Amira Hussain", ("principal_officer",), "One Avenue Road"),
    ("daniel.okafor@example.org", "Daniel Okafor", ("principal_officer",), "Lifford House"),
    ("priya.sandhu@example.org", "Priya Sandhu", ("manager",), "One Avenue Road"),
    ("alex.morgan@example.org", "Alex Morgan", ("admin",), None),
)
LANGUAGE_ROTATION = ("en-easy", "ur", "ar", "pl", "bn", "so", "pa", "ro", "pa-Arab", "en")


def demo_rows(start: date) -> list[dict[str, str]]:
    """Schedule rows for the week's working days from START, as the case system exports them."""
    rows: list[dict[str, str]] = []
    day, n = start, 0
    while len({r["date"] for r in rows}) < 5:
        if day.weekday() < 5:
            for slot, hour in enumerate((10, 14)):
                n += 1
                rows += _conference_rows(day, hour, n, slot)
        day += timedelta(days=1)
    return rows


def _conference_rows(day: date, hour: int, n: int, slot: int) -> list[dict[str, str]]:
    icpc = n % 2 == 1
    chair = STAFF[n % 4][0]
    common = {
        "case_reference": f"CP-{day:%y%m}-{n:04d}",
        "conference_type": "ICPC" if icpc else "RCPC",
        "date": day.isoformat(),
        "time": f"{hour:02d}:00",
        "site": SITES[slot],
        "chair_email": chair,
        "strategy_discussion_date": (day - timedelta(days=14)).isoformat() if icpc else "",
    }
    language = LANGUAGE_ROTATION[n % len(LANGUAGE_ROTATION)]
    rows = []
    for role, agency, invitee_language in INVITEES:
        chosen = language if (role == "parent" and invitee_language != "en") else invitee_language
        rows.append({**common, "invitee_role": role, "agency": agency, "language": chosen})
    return rows


def load_demo(
    session: Session, *, now: datetime, expiry_days: int, settings: Settings | None = None
) -> bool:
    """Load the demo once; returns False when conferences already exist. With SETTINGS, also six
    weeks of past feedback, an alert, an escalation and a consultation (heard/demo_feedback.py)."""
    if session.scalar(select(func.count()).select_from(Conference)):
        return False
    sites = {}
    for name in SITES:
        sites[name] = Site(name=name)
        session.add(sites[name])
    for email, name, role, site in STAFF:
        session.add(Officer(email=email, display_name=name, role=role, site=sites[site]))
    session.add(
        Officer(
            email=SOCIAL_WORKER,
            display_name="Sam Ahmed",
            role="social_worker",
            site=sites[SITES[1]],
        )
    )
    session.flush()
    for email, name, roles, site in DEMO_ACCOUNTS:
        add_account(
            session,
            email=email,
            display_name=name,
            roles=[Role(r) for r in roles],
            site=site,
            now=now,
            actor="demo",
            password=DEMO_PASSWORD,
            must_change_password=False,
        )
    import_schedule(session, rows=demo_rows(now.date()), now=now, expiry_days=expiry_days)
    ensure_checklists(session, now=now)
    _demo_rota(session, now)
    if settings is not None:
        load_demo_feedback(session, now=now, settings=settings)
    return True


def _demo_rota(session: Session, now: datetime) -> None:
    """Each site's POs take weeks in turn; this week Lifford House's PO is off sick, covered."""
    monday = now.date() - timedelta(days=now.date().weekday())
    by_site: dict[str, list[str]] = {}
    for email, _name, role, site in STAFF:
        if role == "principal_officer":
            by_site.setdefault(site, []).append(email)
    for site, emails in by_site.items():
        set_rotation(session, site_name=site, officer_emails=emails, anchor_monday=monday, now=now)
    sick, cover = by_site[SITES[1]]
    add_override(
        session,
        site_name=SITES[1],
        starts_on=monday,
        ends_on=monday + timedelta(days=4),
        absent_email=sick,
        covering_email=cover,
        reason="sickness",
        by="rota@example.org",
        now=now,
    )
