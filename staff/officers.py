"""Officers and sites as an administrator keeps them: names, sites, chat ids, roles, active.

Staff roles go through staff.accounts.add_account (so an officer given a role can sign in).
Every change is audited. An edit form carries `version(officer)`; saving against a different
version means someone else changed the officer meanwhile, and nothing is saved.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from heard import audit
from heard.errors import HeardError, NotFound
from heard.models import Officer, Site
from staff import accounts
from staff.models import StaffAccount
from staff.roles import Role

_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,39}$")
_TEAMS_ID = re.compile(r"^[A-Za-z0-9:_\-.]{1,120}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class InvalidOfficer(HeardError):
    """Bad values on the form; ERRORS maps each field to what is wrong."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class OfficerForm:
    """What the officer form says, as typed (checked by `check`)."""

    display_name: str
    email: str
    site: str  # a site's name, or "" for none
    slack_user_id: str
    teams_user_id: str
    roles: frozenset[Role]
    active: bool


def account_of(session: Session, officer: Officer) -> StaffAccount | None:
    return session.scalar(select(StaffAccount).where(StaffAccount.officer_id == officer.id))


def get_officer(session: Session, officer_id: int) -> Officer:
    officer = session.get(Officer, officer_id)
    if officer is None:
        raise NotFound("No such officer")
    return officer


def version(session: Session, officer: Officer) -> str:
    """A fingerprint of everything the form edits: changes whenever any of it changes."""
    account = account_of(session, officer)
    parts = [
        officer.display_name,
        officer.email,
        str(officer.site_id),
        officer.slack_user_id or "",
        officer.teams_user_id or "",
        str(officer.active),
        ",".join(sorted(account.roles)) if account else "",
        str(account.active) if account else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def check(session: Session, form: OfficerForm, *, officer: Officer | None) -> None:
    """Raise InvalidOfficer naming every bad field."""
    errors: dict[str, str] = {}
    if not form.display_name:
        errors["display_name"] = "Enter the officer's name"
    elif len(form.display_name) > 120:
        errors["display_name"] = "The name must be 120 characters or fewer"
    if not _EMAIL.match(form.email) or len(form.email) > 254:
        errors["email"] = "Enter an email address in the correct format, like name@example.org"
    else:
        other = session.scalar(select(Officer).where(func.lower(Officer.email) == form.email))
        if other is not None and (officer is None or other.id != officer.id):
            errors["email"] = "Another officer already has this email address"
    if form.site and session.scalar(select(Site).where(Site.name == form.site)) is None:
        errors["site"] = "Choose a site from the list"
    if form.slack_user_id and not _SLACK_ID.match(form.slack_user_id):
        errors["slack_user_id"] = "A Slack member id starts with U or W, like U04ABCD1234"
    if form.teams_user_id and not _TEAMS_ID.match(form.teams_user_id):
        errors["teams_user_id"] = "A Teams id is letters, digits and : _ - . only"
    if officer is None and not form.roles:
        errors["roles"] = "Choose at least one role"
    if errors:
        raise InvalidOfficer(errors)


def add_officer(
    session: Session, form: OfficerForm, *, actor: str, now: datetime, local_sign_in: bool
) -> tuple[Officer, str | None]:
    """A new officer with a staff account; returns them and their one-time password, if any."""
    check(session, form, officer=None)
    account, password = accounts.add_account(
        session,
        email=form.email,
        display_name=form.display_name,
        roles=form.roles,
        site=form.site or None,
        now=now,
        actor=actor,
        password=None if local_sign_in else "",
    )
    officer = account.officer
    officer.slack_user_id = form.slack_user_id or None
    officer.teams_user_id = form.teams_user_id or None
    _audit(session, officer, actor, now, "officer added")
    return officer, password


def update_officer(
    session: Session,
    officer_id: int,
    form: OfficerForm,
    *,
    expected_version: str,
    actor: str,
    now: datetime,
) -> Officer:
    """Save the edited officer, unless someone else changed them since the form was loaded."""
    officer = get_officer(session, officer_id)
    if expected_version != version(session, officer):
        raise HeardError(
            "Someone else changed this officer while you were editing. "
            "Check the details now shown and make your change again."
        )
    check(session, form, officer=officer)
    officer.display_name = form.display_name
    officer.email = form.email
    officer.site = session.scalar(select(Site).where(Site.name == form.site)) if form.site else None
    officer.slack_user_id = form.slack_user_id or None
    officer.teams_user_id = form.teams_user_id or None
    officer.active = form.active
    session.flush()
    account = account_of(session, officer)
    if form.roles and form.active:
        # Keeps the password as it is ("" sets none); makes an account if there was none.
        accounts.add_account(
            session,
            email=officer.email,
            display_name=officer.display_name,
            roles=form.roles,
            site=form.site or None,
            now=now,
            actor=actor,
            password="",
        )
    elif account is not None and account.active:
        # No roles, or no longer active: they can no longer sign in, and are signed out now.
        accounts.switch_off(session, account, actor=actor, now=now)
    _audit(session, officer, actor, now, "officer changed")
    return officer


def add_site(session: Session, name: str, *, actor: str, now: datetime) -> Site:
    name = " ".join(name.split())
    if not name:
        raise InvalidOfficer({"name": "Enter the site's name"})
    if len(name) > 120:
        raise InvalidOfficer({"name": "The site's name must be 120 characters or fewer"})
    if session.scalar(select(Site).where(func.lower(Site.name) == name.lower())) is not None:
        raise InvalidOfficer({"name": f"There is already a site called {name}"})
    site = Site(name=name)
    session.add(site)
    session.flush()
    audit.record(
        session, actor=actor, action="site added", record_type="site", record_id=site.id, now=now
    )
    return site


def _audit(session: Session, officer: Officer, actor: str, now: datetime, action: str) -> None:
    session.flush()
    audit.record(
        session, actor=actor, action=action, record_type="officer", record_id=officer.id, now=now
    )
