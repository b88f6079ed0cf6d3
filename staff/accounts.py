"""Staff accounts: adding them, signing in with a password or single sign-on, and signing out.

Local accounts (embedded mode) hold an argon2id hash and start with a one-time password that must
be changed at first sign-in. Single sign-on accounts are matched by the identity provider's
subject, or at first sign-in by email to an account an administrator created.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from heard import audit
from heard.errors import HeardError, NotFound
from heard.models import Officer, Site
from staff.models import StaffAccount
from staff.roles import Role

MIN_PASSWORD_LENGTH = 12
MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
_HASHER = PasswordHasher()
# Verifying against this when the email is unknown keeps the timing of a wrong email and a
# wrong password alike, so sign-in does not reveal who has an account.
_DUMMY_HASH = _HASHER.hash("not a real password")


class SignInRefused(HeardError):
    """Wrong email or password, or a locked or inactive account; the message never says which."""


@dataclass(frozen=True)
class StaffMember:
    """Who is signed in: what pages and handlers need, without the ORM object."""

    account_id: int
    officer_id: int
    email: str
    display_name: str
    roles: frozenset[Role]
    site_id: int | None
    session_epoch: int
    must_change_password: bool
    has_password: bool = True  # False for single sign-on only: nothing to change here

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))


def member(account: StaffAccount) -> StaffMember:
    officer = account.officer
    return StaffMember(
        account_id=account.id,
        officer_id=officer.id,
        email=officer.email,
        display_name=officer.display_name,
        roles=frozenset(Role(r) for r in account.roles),
        site_id=officer.site_id,
        session_epoch=account.session_epoch,
        must_change_password=account.must_change_password,
        has_password=bool(account.password_hash),
    )


def one_time_password() -> str:
    """A password to hand over once: 4 groups of 4 letters and digits, easy to type."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def check_new_password(password: str, *, email: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise HeardError(f"Your new password must be at least {MIN_PASSWORD_LENGTH} characters")
    if email.split("@")[0].lower() in password.lower():
        raise HeardError("Your new password must not contain your email name")


def add_account(
    session: Session,
    *,
    email: str,
    display_name: str,
    roles: Iterable[Role],
    site: str | None,
    now: datetime,
    actor: str,
    password: str | None = None,
    must_change_password: bool = True,
) -> tuple[StaffAccount, str | None]:
    """Create (or update) the officer and their account; returns the one-time password, if set.

    PASSWORD None with local sign-in makes a one-time password (keeping an existing account's own
    password); pass "" for single sign-on only.
    """
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise HeardError(f"{email!r} is not an email address")
    roles = sorted({Role(r) for r in roles})
    if not roles:
        raise HeardError("Give the account at least one role")
    site_row = None
    if site:
        site_row = session.scalar(select(Site).where(Site.name == site))
        if site_row is None:
            raise HeardError(f"Unknown site {site!r}: add it with 'heard sites add' first")
    officer = session.scalar(select(Officer).where(Officer.email == email))
    if officer is None:
        officer = Officer(email=email, display_name=display_name, role=str(roles[0]))
        session.add(officer)
    officer.display_name = display_name or officer.display_name
    if site_row is not None:
        officer.site = site_row
    if Role.PRINCIPAL_OFFICER in roles:
        officer.role = str(Role.PRINCIPAL_OFFICER)
    session.flush()
    account = session.scalar(select(StaffAccount).where(StaffAccount.officer_id == officer.id))
    if account is None:
        account = StaffAccount(officer=officer, created_at=now, roles=[])
        session.add(account)
    account.roles = [str(r) for r in roles]
    account.active = True
    given = password
    if password is None:
        # Changing someone's roles must not replace the password they chose: a one-time
        # password only for a new account (or one that never had a password).
        given = "" if account.password_hash else one_time_password()
    if given:
        account.password_hash = _HASHER.hash(given)
        account.must_change_password = must_change_password
    session.flush()
    _audit(
        session,
        account,
        "staff account saved",
        actor=actor,
        now=now,
        detail="roles=" + ",".join(account.roles),
    )
    return account, (given or None)


def account_for(session: Session, email: str) -> StaffAccount | None:
    return session.scalar(
        select(StaffAccount)
        .join(StaffAccount.officer)
        .where(Officer.email == email.strip().lower())
    )


def sign_in_with_password(
    session: Session, *, email: str, password: str, now: datetime
) -> StaffAccount:
    """The account whose password this is; refusals are counted and lock the account a while."""
    account = account_for(session, email)
    if account is None or not account.password_hash:
        _verify(_DUMMY_HASH, password)
        raise SignInRefused("Enter a correct email address and password")
    if account.locked_until is not None and account.locked_until > now:
        raise SignInRefused(
            "Too many wrong passwords: this account is locked for a few minutes. Try again later."
        )
    if not account.active or not _verify(account.password_hash, password):
        account.failed_sign_ins += 1
        if account.failed_sign_ins >= MAX_FAILED_SIGN_INS:
            account.locked_until, account.failed_sign_ins = now + LOCKOUT, 0
        _audit(session, account, "sign-in refused", actor=account.officer.email, now=now)
        raise SignInRefused("Enter a correct email address and password")
    if _HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = _HASHER.hash(password)
    _signed_in(session, account, now, how="password")
    return account


def sign_in_with_oidc(session: Session, *, subject: str, email: str, now: datetime) -> StaffAccount:
    """The account for an identity provider's user; only staff an admin added may sign in."""
    account = session.scalar(select(StaffAccount).where(StaffAccount.oidc_subject == subject))
    if account is None:
        account = account_for(session, email) if email else None
        if account is None or account.oidc_subject not in (None, subject):
            raise SignInRefused(
                "You do not have a Heard account yet. Ask a Heard administrator to add you."
            )
        account.oidc_subject = subject
    if not account.active:
        raise SignInRefused("Your Heard account is switched off. Ask a Heard administrator.")
    _signed_in(session, account, now, how="single sign-on")
    return account


def _signed_in(session: Session, account: StaffAccount, now: datetime, *, how: str) -> None:
    account.failed_sign_ins, account.locked_until = 0, None
    account.last_signed_in_at = now
    _audit(session, account, "signed in", actor=account.officer.email, now=now, detail=how)


def change_password(
    session: Session, account_id: int, *, current: str, new: str, confirm: str, now: datetime
) -> StaffAccount:
    account = _get(session, account_id)
    if not account.password_hash or not _verify(account.password_hash, current):
        raise HeardError("Your current password is not right")
    if new != confirm:
        raise HeardError("The two new passwords do not match")
    if new == current:
        raise HeardError("Your new password must be different from the current one")
    check_new_password(new, email=account.officer.email)
    account.password_hash = _HASHER.hash(new)
    account.must_change_password = False
    # Other sessions (perhaps someone who knew the old password) end with the change.
    account.session_epoch += 1
    _audit(session, account, "password changed", actor=account.officer.email, now=now)
    return account


def sign_out_everywhere(session: Session, account_id: int, *, actor: str, now: datetime) -> None:
    account = _get(session, account_id)
    account.session_epoch += 1
    _audit(session, account, "signed out everywhere", actor=actor, now=now)


def set_one_time_password(
    session: Session, account: StaffAccount, password: str, *, actor: str, now: datetime
) -> None:
    account.password_hash = _HASHER.hash(password)
    account.must_change_password = True
    account.failed_sign_ins, account.locked_until = 0, None
    account.session_epoch += 1
    _audit(session, account, "one-time password set", actor=actor, now=now)


def switch_off(session: Session, account: StaffAccount, *, actor: str, now: datetime) -> None:
    account.active = False
    account.session_epoch += 1
    _audit(session, account, "staff account switched off", actor=actor, now=now)


def current(session: Session, account_id: int, epoch: int) -> StaffMember | None:
    """The signed-in member for a session cookie, or None if it was signed out or switched off."""
    account = session.get(StaffAccount, account_id)
    if account is None or not account.active or account.session_epoch != epoch:
        return None
    return member(account)


def _get(session: Session, account_id: int) -> StaffAccount:
    account = session.get(StaffAccount, account_id)
    if account is None:
        raise NotFound("No such staff account")
    return account


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _audit(
    session: Session,
    account: StaffAccount,
    action: str,
    *,
    actor: str,
    now: datetime,
    detail: str = "",
) -> None:
    """One audit row about ACCOUNT: who did ACTION to it, and when."""
    audit.record(
        session,
        actor=actor,
        action=action,
        record_type="staff_account",
        record_id=account.id,
        now=now,
        detail=detail,
    )
