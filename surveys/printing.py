"""Invitation packs: every invitee of a day's conferences gets a fresh token on a printed sheet."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from heard.clock import london_day_bounds
from heard.models import Conference
from surveys.invitations import code_entry_url, is_finished, issue_token
from surveys.models import Invitation
from surveys.packs import InvitationSheet


def sheets_for_day(
    session: Session, *, day: date, base_url: str, now: datetime
) -> list[InvitationSheet]:
    """A sheet for each open invitation to a conference held on DAY (England's calendar).

    Printing issues new tokens: only hashes are stored, so a token cannot be printed twice;
    an earlier letter for the same invitee stops working, and answers already given are kept.
    """
    start, end = london_day_bounds(day)
    invitations = session.scalars(
        select(Invitation)
        .join(Conference)
        .where(
            Conference.starts_at >= start,
            Conference.starts_at <= end,
            Invitation.withdrawn.is_(False),
        )
        .order_by(Conference.starts_at, Conference.id, Invitation.respondent_type, Invitation.id)
    ).all()
    return [
        _sheet(session, invitation, base_url, now)
        for invitation in invitations
        if not is_finished(session, invitation)
    ]


def sheet_for_invitation(
    session: Session, *, invitation: Invitation, base_url: str, now: datetime
) -> InvitationSheet:
    return _sheet(session, invitation, base_url, now)


def _sheet(
    session: Session, invitation: Invitation, base_url: str, now: datetime
) -> InvitationSheet:
    issued = issue_token(session, invitation=invitation, base_url=base_url, now=now)
    conference: Conference = invitation.conference
    return InvitationSheet(
        url=issued.url,
        typed_code=issued.typed_code,
        code_entry_url=code_entry_url(base_url),
        language=invitation.language,
        conference_type=conference.conference_type,
        starts_at=conference.starts_at,
        site_name=conference.site.name,
        respondent_type=invitation.respondent_type,
    )
