"""Who is speaking: a chat user id (or an email) mapped to an active Officer."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from heard.errors import HeardError
from heard.models import Officer


class Stranger(HeardError):
    """The chat user is not an officer Heard knows; the message says how to be added."""

    def __init__(self, *, how: str) -> None:
        command = " ".join(filter(None, ("--email YOUR-EMAIL --name 'YOUR NAME'", how)))
        super().__init__(
            "You're not set up in Heard yet. Ask your business support team to add you "
            f"(heard officers add {command})."
        )


def find_officer(
    session: Session,
    *,
    slack_user_id: str | None = None,
    teams_user_id: str | None = None,
    email: str | None = None,
) -> Officer:
    """The active officer with this Slack id, Teams id or email; Stranger if there is none."""
    if slack_user_id:
        where, how = Officer.slack_user_id == slack_user_id, f"--slack-id {slack_user_id}"
    elif teams_user_id:
        where, how = Officer.teams_user_id == teams_user_id, f"--teams-id {teams_user_id}"
    elif email:
        where, how = func.lower(Officer.email) == email.strip().lower(), ""
    else:
        raise Stranger(how="")
    officer = session.scalar(select(Officer).where(where, Officer.active.is_(True)))
    if officer is None:
        raise Stranger(how=how)
    return officer


def link_slack_user(session: Session, *, email: str, slack_user_id: str) -> Officer:
    """Remember the Slack id of the active officer with EMAIL (from Slack's verified profile)."""
    officer = find_officer(session, email=email)
    if officer.slack_user_id and officer.slack_user_id != slack_user_id:
        # Another Slack account already speaks for this officer: never move it silently.
        raise Stranger(how=f"--slack-id {slack_user_id}")
    officer.slack_user_id = slack_user_id
    return officer
