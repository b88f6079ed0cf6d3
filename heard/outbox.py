"""The outbox: notifications written with the change that causes them, sent once by the clock.

A use case calls `enqueue` inside its own transaction, so the message exists if and only if the
change does. The clock calls `deliver_due`, which claims one due row at a time with a
conditional UPDATE: whichever worker's UPDATE matches the row as it saw it wins, and every other
worker's matches nothing. Two clock processes, or a restart, therefore never send a row twice.

What goes into a row is the caller's choice, and callers must keep it minimal: an alert says
that something needs attention and links to it, never what a respondent wrote.
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from heard.db import transaction
from heard.models import OutboxMessage, OutboxStatus
from heard.notify import Chat, DeliveryError, InlineImage, Mailer

logger = logging.getLogger(__name__)

CHANNELS = ("email", "chat")
STALE_AFTER = timedelta(minutes=10)
MAX_RETRY_DELAY = timedelta(minutes=60)
_CLAIM_TRIES = 5
_ERROR_LENGTH = 200


@dataclass
class DeliveryReport:
    """What one call of deliver_due did."""

    sent: int = 0
    failed: int = 0
    retried: int = 0


@dataclass(frozen=True)
class _Claim:
    """A claimed row's values, copied out so sending needs no session."""

    id: int
    channel: str
    recipient: str
    subject: str
    body: str
    payload: dict[str, Any]
    attempts: int
    claimed_at: datetime


def enqueue(
    session: Session,
    *,
    dedupe_key: str,
    channel: str,
    recipient: str,
    subject: str,
    body: str,
    now: datetime,
    due_at: datetime | None = None,
    payload: dict[str, Any] | None = None,
) -> OutboxMessage:
    """Add a message to the outbox unless one with DEDUPE_KEY exists; return the message."""
    if channel not in CHANNELS:
        raise ValueError(f"outbox channel must be one of {CHANNELS}, not {channel!r}")
    # The SELECT (which autoflushes, so it also sees rows enqueued earlier in this transaction)
    # is the normal path. The unique constraint on dedupe_key is only the backstop for two
    # transactions racing on the same key: the later one fails at flush or commit with an
    # IntegrityError and its whole unit of work rolls back, rather than sending twice. We do not
    # catch it here: a SAVEPOINT would be needed on PostgreSQL, and pysqlite's are unreliable.
    existing = session.scalar(select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key))
    if existing is not None:
        return existing
    message = OutboxMessage(
        dedupe_key=dedupe_key,
        channel=channel,
        recipient=recipient,
        subject=subject,
        body=body,
        payload=payload or {},
        created_at=now,
        due_at=due_at or now,
        status=OutboxStatus.PENDING,
        attempts=0,
    )
    session.add(message)
    session.flush()
    return message


def enqueue_each(
    session: Session,
    recipients: Iterable[tuple[str, str]],
    *,
    key: str,
    subject: str,
    body: str,
    now: datetime,
    payload: dict[str, Any] | None = None,
) -> None:
    """The same message to each (channel, recipient), keyed KEY:channel:recipient."""
    for channel, recipient in recipients:
        enqueue(
            session,
            dedupe_key=f"{key}:{channel}:{recipient}",
            channel=channel,
            recipient=recipient,
            subject=subject,
            body=body,
            now=now,
            payload=payload,
        )


def claim_next(
    session: Session, *, worker: str, now: datetime, stale_after: timedelta = STALE_AFTER
) -> OutboxMessage | None:
    """Claim the oldest due message for WORKER; None if nothing is due or others won them all."""
    # Losing a race is normal with two clocks: look again, a few times, for the next row.
    for _ in range(_CLAIM_TRIES):
        seen = _oldest_due(session, now=now, stale_after=stale_after)
        if seen is None:
            return None
        if _try_claim(session, seen=seen, worker=worker, now=now):
            return session.get(OutboxMessage, seen[0], populate_existing=True)
    return None


def _oldest_due(
    session: Session, *, now: datetime, stale_after: timedelta
) -> tuple[int, str, datetime | None] | None:
    """The oldest due row as we see it: pending, or claimed by a worker that has since died."""
    stale = (OutboxMessage.status == OutboxStatus.SENDING) & (
        OutboxMessage.claimed_at <= now - stale_after
    )
    row = session.execute(
        select(OutboxMessage.id, OutboxMessage.status, OutboxMessage.claimed_at)
        .where(OutboxMessage.due_at <= now)
        .where(or_(OutboxMessage.status == OutboxStatus.PENDING, stale))
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(1)
    ).first()
    return None if row is None else (row.id, row.status, row.claimed_at)


def _try_claim(
    session: Session, *, seen: tuple[int, str, datetime | None], worker: str, now: datetime
) -> bool:
    """Claim the row if it is still as we saw it; the rowcount says whether we won."""
    row_id, seen_status, seen_claimed_at = seen
    unchanged_claim = (
        OutboxMessage.claimed_at.is_(None)
        if seen_claimed_at is None
        else OutboxMessage.claimed_at == seen_claimed_at
    )
    statement = (
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.status == seen_status, unchanged_claim)
        .values(status=OutboxStatus.SENDING, claimed_by=worker, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    result = cast(CursorResult[Any], session.execute(statement))
    return result.rowcount == 1


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ATTEMPTS-th failure: 1, 2, 4 ... minutes, at most an hour."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_RETRY_DELAY)


def deliver_due(
    factory: sessionmaker[Session],
    *,
    mailer: Mailer,
    chat: Chat,
    now: Callable[[], datetime],
    worker: str,
    limit: int = 100,
) -> DeliveryReport:
    """Send up to LIMIT due messages, one claim and one short transaction at a time."""
    report = DeliveryReport()
    for _ in range(limit):
        with transaction(factory) as session:
            message = claim_next(session, worker=worker, now=now())
            claim = _copy(message) if message is not None else None
        if claim is None:
            break
        # At-least-once window: if this process dies after the send below but before the mark
        # commits, the row stays 'sending' and is retaken once its claim is stale, so the message
        # goes out twice. Claims go stale only after ten minutes so that a slow send is never
        # mistaken for a dead worker; the window is a crash, not a race.
        error = _send(claim, mailer=mailer, chat=chat)
        with transaction(factory) as session:
            _record(session, claim, error=error, worker=worker, now=now())
        _count(report, error)
    return report


def _copy(message: OutboxMessage) -> _Claim:
    assert message.claimed_at is not None
    return _Claim(
        id=message.id,
        channel=message.channel,
        recipient=message.recipient,
        subject=message.subject,
        body=message.body,
        payload=dict(message.payload or {}),
        attempts=message.attempts,
        claimed_at=message.claimed_at,
    )


def email_payload(html: str, images: Sequence[InlineImage] = ()) -> dict[str, Any]:
    """The payload that makes an email row go out with an HTML version and inline images."""
    return {"html": html, "images": [image.to_payload() for image in images]}


def _send(claim: _Claim, *, mailer: Mailer, chat: Chat) -> Exception | None:
    """Send through the claim's channel; the error, if any, instead of raising it."""
    try:
        if claim.channel == "chat":
            _post(claim, chat)
        else:
            _mail(claim, mailer)
    except DeliveryError as error:
        return error
    except Exception as error:
        # A bug in an adapter must not stop the other messages. Log where it happened, but not
        # the exception's message, which could quote what was being sent.
        frames = "".join(traceback.format_tb(error.__traceback__))
        logger.error("outbox message %s: %s in adapter\n%s", claim.id, type(error).__name__, frames)
        return error
    return None


def _post(claim: _Claim, chat: Chat) -> None:
    blocks, actions = claim.payload.get("blocks"), claim.payload.get("actions")
    extra: dict[str, Any] = {}
    card = claim.payload.get("card")
    # A message's own Adaptive Card goes only to adapters that can draw one; the others draw
    # their blocks or text, so adding cards never breaks an adapter that predates them.
    if isinstance(card, dict) and "card" in inspect.signature(chat.post).parameters:
        extra["card"] = card
    chat.post(
        channel=claim.recipient,
        text=_chat_text(claim),
        blocks=blocks if isinstance(blocks, list) else None,
        actions=actions if isinstance(actions, list) and actions else None,
        **extra,
    )


def _mail(claim: _Claim, mailer: Mailer) -> None:
    html = claim.payload.get("html")
    if not isinstance(html, str):
        # Plain text only: the call every mailer has always taken.
        mailer.send(to=claim.recipient, subject=claim.subject, body=claim.body)
        return
    images = claim.payload.get("images")
    mailer.send(
        to=claim.recipient,
        subject=claim.subject,
        body=claim.body,
        html=html,
        images=[InlineImage.from_payload(i) for i in images if isinstance(i, dict)]
        if isinstance(images, list)
        else None,
    )


def _chat_text(claim: _Claim) -> str:
    """Chat has no subject line: the subject leads the text."""
    return "\n\n".join(part for part in (claim.subject, claim.body) if part)


def _record(
    session: Session, claim: _Claim, *, error: Exception | None, worker: str, now: datetime
) -> None:
    """Mark the message sent, failed or due again, but only if our claim still holds."""
    values = _outcome(claim, error=error, now=now)
    statement = (
        update(OutboxMessage)
        .where(
            OutboxMessage.id == claim.id,
            OutboxMessage.status == OutboxStatus.SENDING,
            OutboxMessage.claimed_by == worker,
            OutboxMessage.claimed_at == claim.claimed_at,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult[Any], session.execute(statement)).rowcount != 1:
        logger.warning(
            "outbox message %s was retaken by another worker before it was marked", claim.id
        )
    _log(claim, values["status"], error)


def _outcome(claim: _Claim, *, error: Exception | None, now: datetime) -> dict[str, Any]:
    """The columns to set after this attempt: sent, failed for good, or pending with backoff."""
    attempts = claim.attempts + 1
    if error is None:
        return {"attempts": attempts, "status": OutboxStatus.SENT, "sent_at": now}
    if isinstance(error, DeliveryError) and error.permanent:
        return {
            "attempts": attempts,
            "status": OutboxStatus.FAILED,
            "last_error": _error_text(error),
        }
    return {
        "attempts": attempts,
        "status": OutboxStatus.PENDING,
        "due_at": now + retry_delay(attempts),
        "claimed_by": None,
        "claimed_at": None,
        "last_error": _error_text(error),
    }


def _error_text(error: Exception) -> str:
    """The class name and a short message; adapters' messages never quote the body."""
    text = (
        f"{type(error).__name__}: {error}"
        if isinstance(error, DeliveryError)
        else type(error).__name__
    )
    return text[:_ERROR_LENGTH]


def _log(claim: _Claim, status: str, error: Exception | None) -> None:
    # Ids, channels and error classes only: never the recipient, subject or body.
    if error is None:
        logger.info("outbox message %s sent by %s", claim.id, claim.channel)
    else:
        logger.warning(
            "outbox message %s not sent by %s (%s), now %s",
            claim.id,
            claim.channel,
            type(error).__name__,
            status,
        )


def _count(report: DeliveryReport, error: Exception | None) -> None:
    if error is None:
        report.sent += 1
    elif isinstance(error, DeliveryError) and error.permanent:
        report.failed += 1
    else:
        report.retried += 1
