"""Invitation tokens: 130 random bits, shown as a typed code, stored only as a SHA-256 hash.

A token carries nothing readable: the role, conference and language stay on the server. Each
issue replaces the invitation's previous token (a lost or reprinted letter), and the response
belongs to the invitation, so a new token resumes the same half-finished answers.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from heard.errors import HeardError, NotFound
from heard.i18n import is_supported
from heard.models import Conference
from surveys.models import Invitation, RespondentType, Response

# Crockford's base32: no I, L, O or U, so a typed code is hard to misread.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TOKEN_LENGTH = 26  # 26 x 5 bits = 130 bits of randomness
_TYPED_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


class InvitationExpired(HeardError):
    """The conference was long enough ago that its feedback link has closed."""


class InvitationUsed(HeardError):
    """This invitation's feedback has already been given."""


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    token: str
    url: str
    typed_code: str


def new_token() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(TOKEN_LENGTH))


def normalise_token(raw: str) -> str:
    """A token as typed or scanned, uppercased with separators and look-alikes tidied."""
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum())
    return cleaned.translate(_TYPED_LOOKALIKES)


def hash_token(token: str) -> str:
    # A plain hash is enough: 130 random bits cannot be guessed from it, unlike a password.
    return hashlib.sha256(normalise_token(token).encode("ascii", "ignore")).hexdigest()


def typed_code(token: str) -> str:
    """The token in groups of four, for a person to type."""
    return "-".join(token[i : i + 4] for i in range(0, len(token), 4))


def invitation_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/f/{token}"


def code_entry_url(base_url: str) -> str:
    return f"{base_url.rstrip('/')}/code"


def expiry_for(conference: Conference, expiry_days: int) -> datetime:
    return conference.starts_at + timedelta(days=expiry_days)


def issue_token(
    session: Session, *, invitation: Invitation, base_url: str, now: datetime
) -> IssuedInvitation:
    """Give INVITATION a fresh token; any earlier token for it stops working."""
    token = new_token()
    invitation.token_hash = hash_token(token)
    invitation.token_issued_at = now
    session.flush()
    return IssuedInvitation(invitation, token, invitation_url(base_url, token), typed_code(token))


def find_by_token(session: Session, *, token: str, now: datetime) -> Invitation:
    """The open invitation for TOKEN; says kindly when it is unknown, expired or used."""
    if not token or len(normalise_token(token)) != TOKEN_LENGTH:
        raise NotFound("We could not find that feedback link.")
    invitation = session.scalar(
        select(Invitation).where(Invitation.token_hash == hash_token(token))
    )
    if invitation is None or invitation.withdrawn:
        raise NotFound("We could not find that feedback link.")
    if is_finished(session, invitation):
        raise InvitationUsed("Feedback for this invitation has already been given. Thank you.")
    if now >= invitation.expires_at:
        raise InvitationExpired("This feedback link has closed.")
    return invitation


def is_finished(session: Session, invitation: Invitation) -> bool:
    submitted = session.scalar(
        select(Response.submitted_at).where(Response.invitation_id == invitation.id)
    )
    return submitted is not None


def find_conference(session: Session, *, case_reference: str, now: datetime) -> Conference:
    """The case's next conference, or its latest past one when none is to come."""
    conferences = session.scalars(
        select(Conference)
        .where(Conference.case_reference == case_reference)
        .order_by(Conference.starts_at)
    ).all()
    if not conferences:
        raise NotFound(f"No conference with case reference {case_reference!r}.")
    upcoming = [c for c in conferences if c.starts_at >= now - timedelta(days=1)]
    return upcoming[0] if upcoming else conferences[-1]


def issue_invitation(
    session: Session,
    *,
    case_reference: str,
    respondent_type: str,
    agency: str | None,
    language: str,
    base_url: str,
    expiry_days: int,
    now: datetime,
) -> IssuedInvitation:
    """Issue (or re-issue) the invitation for one invitee of a case's conference."""
    check_invitee(respondent_type, agency, language)
    conference = find_conference(session, case_reference=case_reference, now=now)
    invitation = _unanswered_invitation(session, conference, respondent_type, agency, language)
    if invitation is None:
        invitation = Invitation(
            conference_id=conference.id,
            respondent_type=respondent_type,
            agency=agency,
            language=language,
            expires_at=expiry_for(conference, expiry_days),
            created_at=now,
        )
        session.add(invitation)
        session.flush()
    return issue_token(session, invitation=invitation, base_url=base_url, now=now)


def _unanswered_invitation(
    session: Session, conference: Conference, role: str, agency: str | None, language: str
) -> Invitation | None:
    candidates = session.scalars(
        select(Invitation).where(
            Invitation.conference_id == conference.id,
            Invitation.respondent_type == role,
            Invitation.language == language,
            Invitation.withdrawn.is_(False),
            (Invitation.agency == agency) if agency else Invitation.agency.is_(None),
        )
    ).all()
    for invitation in candidates:
        if not is_finished(session, invitation):
            return invitation
    return None


def check_invitee(respondent_type: str, agency: str | None, language: str) -> None:
    """Refuse an unknown role or language, or an agency for someone who is not a professional."""
    roles = [r.value for r in RespondentType]
    if respondent_type not in roles:
        raise HeardError(f"Role must be one of {', '.join(roles)}, not {respondent_type!r}.")
    if respondent_type == RespondentType.PROFESSIONAL and not agency:
        raise HeardError("A professional's invitation needs their agency.")
    if respondent_type != RespondentType.PROFESSIONAL and agency:
        raise HeardError("Only a professional's invitation has an agency.")
    if not is_supported(language):
        raise HeardError(f"Language {language!r} is not supported.")
