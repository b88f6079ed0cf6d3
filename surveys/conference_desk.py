"""What business support sees of the schedule: conferences with their counts, one conference's
invitations, and the invitation sheets to print for a conference or a single invitee.

Tokens are only ever stored hashed, so a sheet can only be printed by issuing a new token; that is
why printing one conference or one invitee re-issues, exactly as printing a day does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from heard.errors import HeardError, NotFound
from heard.models import Conference
from surveys.invitations import is_finished
from surveys.models import Invitation, Response
from surveys.packs import InvitationSheet
from surveys.printing import sheet_for_invitation

MAX_LISTED_DAYS = 31


@dataclass(frozen=True)
class ConferenceSummary:
    conference: Conference
    invitations: int  # not withdrawn
    responses: int  # submitted


@dataclass(frozen=True)
class InvitationStatus:
    invitation: Invitation
    issued: bool  # a token has been printed or sent at least once
    answered: bool  # feedback submitted

    @property
    def printable(self) -> bool:
        return not self.invitation.withdrawn and not self.answered


def conferences_between(
    session: Session, *, start: date, end: date, site_id: int | None = None
) -> list[ConferenceSummary]:
    """Conferences held from START to END (London dates), by time, with their counts."""
    if end < start:
        raise HeardError("The last day is before the first.")
    if (end - start).days >= MAX_LISTED_DAYS:
        raise HeardError(f"Choose at most {MAX_LISTED_DAYS} days.")
    invited = (
        select(Invitation.conference_id, func.count().label("n"))
        .where(Invitation.withdrawn.is_(False))
        .group_by(Invitation.conference_id)
        .subquery()
    )
    answered = (
        select(Invitation.conference_id, func.count().label("n"))
        .join(Response, Response.invitation_id == Invitation.id)
        .where(Response.submitted_at.is_not(None))
        .group_by(Invitation.conference_id)
        .subquery()
    )
    query = (
        select(Conference, func.coalesce(invited.c.n, 0), func.coalesce(answered.c.n, 0))
        .outerjoin(invited, invited.c.conference_id == Conference.id)
        .outerjoin(answered, answered.c.conference_id == Conference.id)
        .where(Conference.starts_on >= start, Conference.starts_on <= end)
        .options(joinedload(Conference.site), joinedload(Conference.chair))
        .order_by(Conference.starts_at, Conference.id)
    )
    if site_id is not None:
        query = query.where(Conference.site_id == site_id)
    return [
        ConferenceSummary(cast(Conference, row[0]), int(cast(int, row[1])), int(cast(int, row[2])))
        for row in session.execute(query)
    ]


def find_conference(session: Session, conference_id: int) -> Conference:
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise NotFound("There is no such conference.")
    return conference


def invitations_of(session: Session, conference: Conference) -> list[InvitationStatus]:
    """Every invitation to CONFERENCE, families first, with whether it was issued and answered."""
    answered_ids = set(
        session.scalars(
            select(Response.invitation_id)
            .join(Invitation, Invitation.id == Response.invitation_id)
            .where(Invitation.conference_id == conference.id, Response.submitted_at.is_not(None))
        )
    )
    invitations = session.scalars(
        select(Invitation)
        .where(Invitation.conference_id == conference.id)
        .order_by(Invitation.respondent_type, Invitation.id)
    ).all()
    return [
        InvitationStatus(i, i.token_issued_at is not None, i.id in answered_ids)
        for i in invitations
    ]


def sheets_for_conference(
    session: Session, *, conference: Conference, base_url: str, now: datetime
) -> list[InvitationSheet]:
    """A sheet with a new token for each open invitation to CONFERENCE (earlier letters stop
    working; answers already given are kept)."""
    return [
        sheet_for_invitation(session, invitation=status.invitation, base_url=base_url, now=now)
        for status in invitations_of(session, conference)
        if status.printable
    ]


def printable_count(session: Session, *, conference: Conference) -> int:
    return sum(1 for status in invitations_of(session, conference) if status.printable)


def printable_on(session: Session, *, day: date) -> list[Conference]:
    """The conferences on DAY that have an invitation still to print (for the confirm page)."""
    conferences = session.scalars(
        select(Conference)
        .where(Conference.starts_on == day)
        .order_by(Conference.starts_at, Conference.id)
    ).all()
    return [c for c in conferences if printable_count(session, conference=c)]


def conference_of_invitation(session: Session, invitation_id: int) -> int:
    conference_id = session.scalar(
        select(Invitation.conference_id).where(Invitation.id == invitation_id)
    )
    if conference_id is None:
        raise NotFound("There is no such invitation.")
    return conference_id


def reissue(
    session: Session, *, invitation_id: int, base_url: str, now: datetime
) -> InvitationSheet:
    """A new token and sheet for one invitee whose letter was lost; the old link stops working."""
    invitation = session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFound("There is no such invitation.")
    if invitation.withdrawn:
        raise HeardError("This invitation was withdrawn by a later schedule, so it cannot be sent.")
    if is_finished(session, invitation):
        raise HeardError("This invitee has already given their feedback; there is nothing to send.")
    return sheet_for_invitation(session, invitation=invitation, base_url=base_url, now=now)
