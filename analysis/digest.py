"""The monthly digest: last month's feedback and figures for the head of service and assistant
heads, on the first working day of each month at 09:00 London time, by email and chat.

Built once per month and claimed once. A clock claims a month by INSERTing its `Digest` row
(the month is unique, so a second clock's INSERT fails), builds the digest outside any
transaction, then in one transaction stores the charts, writes the outbox messages and marks the
row sent with a conditional UPDATE that only the claim's holder can match. A clock that dies
while building leaves a claim that goes stale and is retaken; a clock that was not running at
09:00 sends the digest when it next runs. The outbox then delivers (and retries) each message.

Every count goes through disclosure control (`analysis.suppression`) before it is put in the
digest; alerts appear only as a count; quotes follow `analysis.quotes`.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from analysis.charts import Kind, chart_description, chart_png
from analysis.feedback import FeedbackSummary, feedback_summary
from analysis.figures import monthly_figures
from analysis.models import Digest, DigestChart, DigestStatus
from analysis.periods import Month
from analysis.suppression import shown, shown_count
from analysis.tables import Cell, Table
from analysis.themes import DEFAULT, Taxonomy
from heard import outbox
from heard.clock import from_london, london
from heard.db import transaction
from heard.notify import InlineImage
from heard.workdays import next_working_day

logger = logging.getLogger(__name__)

DIGEST_AT = time(9, 0)
STALE_AFTER = timedelta(minutes=30)  # a claim older than this, never marked sent, is retaken
CATCH_UP = 12  # at most this many missed months are sent late, newest last


class LostClaim(RuntimeError):
    """Another clock retook the month while this one was building it: this one sends nothing."""


# When a digest is due, and which are -----------------------------------------------------


def due_at(month: Month) -> datetime:
    """When MONTH's digest is due: 09:00 London time on the next month's first working day."""
    return from_london(next_working_day(month.next().start), DIGEST_AT)


def latest_due(now: datetime) -> Month:
    """The newest month whose digest is due at NOW."""
    last_month = Month.of(london(now).date()).previous()
    return last_month if due_at(last_month) <= now else last_month.previous()


def months_due(session: Session, *, now: datetime) -> list[Month]:
    """The months whose digest is due and not sent, oldest first.

    From the month after the newest digest sent up to the latest due (at most CATCH_UP of
    them), so a clock that was down for a while catches up; on a new install, only the latest.
    """
    latest = latest_due(now)
    sent = set(session.scalars(select(Digest.month).where(Digest.status == DigestStatus.SENT)))
    newest_sent = max(sent, default=None)
    months = [latest]
    if newest_sent is not None:
        month, months = latest, []
        while str(month) > newest_sent and len(months) < CATCH_UP:
            months.append(month)
            month = month.previous()
    # A claim left by a clock that died is due again, whatever month it was for.
    unfinished = session.scalars(select(Digest.month).where(Digest.status != DigestStatus.SENT))
    wanted = {str(m) for m in months} | {m for m in unfinished if m <= str(latest)}
    return [Month.parse(m) for m in sorted(wanted - sent)]


# Claiming --------------------------------------------------------------------------------


def claim(
    factory: sessionmaker[Session],
    month: Month,
    *,
    worker: str,
    now: datetime,
    stale_after: timedelta = STALE_AFTER,
) -> datetime | None:
    """Claim MONTH's digest for WORKER; the claim's time, or None when another clock holds it
    (or has sent it). The INSERT claims a month nobody has touched; a conditional UPDATE
    retakes a stale claim, and only one of two clocks racing can match it."""
    try:
        with transaction(factory) as session:
            session.add(
                Digest(
                    month=str(month),
                    status=DigestStatus.BUILDING,
                    claimed_by=worker,
                    claimed_at=now,
                    messages=0,
                )
            )
            session.flush()
        return now
    except IntegrityError:
        pass  # the month's row exists: sent, being built, or left by a clock that died
    with transaction(factory) as session:
        row = session.execute(
            select(Digest.id, Digest.status, Digest.claimed_at).where(Digest.month == str(month))
        ).first()
        if row is None or row.status != DigestStatus.BUILDING:
            return None
        if row.claimed_at > now - stale_after:
            return None
        won = session.execute(
            update(Digest)
            .where(
                Digest.id == row.id,
                Digest.status == DigestStatus.BUILDING,
                Digest.claimed_at == row.claimed_at,
            )
            .values(claimed_by=worker, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        return now if cast(CursorResult[Any], won).rowcount == 1 else None


# What a digest says ----------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeLine:
    label: str
    raised: Cell  # comments and answers that raised it, through disclosure control
    quote: str | None


@dataclass(frozen=True)
class ChartImage:
    key: str
    title: str
    description: str
    png: bytes


@dataclass(frozen=True)
class DigestContent:
    """Everything a digest shows, every count already through disclosure control."""

    month: Month
    respondents: Cell
    by_respondent_type: Table
    ratings: Table  # this month against the month before
    themes: tuple[ThemeLine, ...]
    preparation: Table
    preparation_quotes: tuple[str, ...]
    figures: tuple[Table, ...]
    alerts: Cell
    needs_translation: Cell
    charts: tuple[ChartImage, ...]

    @property
    def title(self) -> str:
        return f"Heard: the monthly digest for {self.month.label}"


def build(session: Session, month: Month, *, taxonomy: Taxonomy = DEFAULT) -> DigestContent:
    """MONTH's digest, read from the database (nothing is written)."""
    this = feedback_summary(session, month.start, month.end, taxonomy=taxonomy)
    earlier = month.previous()
    before = feedback_summary(session, earlier.start, earlier.end, taxonomy=taxonomy)
    by_type = shown(this.by_respondent_type)
    figures = tuple(shown(table) for table in monthly_figures(session, month))
    return DigestContent(
        month=month,
        respondents=shown_count(this.respondents),
        by_respondent_type=by_type,
        ratings=compare_ratings(shown(this.ratings), shown(before.ratings)),
        themes=_themes(this, taxonomy),
        preparation=shown(this.preparation_and_reports.table),
        preparation_quotes=tuple(
            quote.text
            for quotes in this.preparation_and_reports.quotes.values()
            for quote in quotes.all()[:1]
        ),
        figures=figures,
        alerts=shown_count(this.flagged),
        needs_translation=shown_count(this.needs_translation),
        charts=_charts(by_type, figures),
    )


def compare_ratings(this: Table, before: Table) -> Table:
    """Each rating's answers and % positive this month beside the month before (both shown)."""
    earlier = {(row[0], row[1]): row for row in before.rows}
    answered, pct = this.columns.index("Answered"), this.columns.index("% positive")
    rows = []
    for row in this.rows:
        old = earlier.get((row[0], row[1]))
        rows.append(
            (
                row[0],
                row[1],
                row[answered],
                row[pct],
                old[answered] if old else None,
                old[pct] if old else None,
            )
        )
    return Table(
        key="digest_ratings",
        title="Ratings: % positive this month and the month before",
        columns=(
            "Respondent type",
            "Question",
            "Answered",
            "% positive",
            "Answered, month before",
            "% positive, month before",
        ),
        rows=tuple(rows),
        # Already through disclosure control: named only so that renderers know the figures.
        count_columns=("Answered", "Answered, month before"),
        note=this.note,
    )


def _themes(summary: FeedbackSummary, taxonomy: Taxonomy) -> tuple[ThemeLine, ...]:
    """The three themes most raised, each with its count and one short quote if there is one."""
    themes = shown(summary.themes)
    total = themes.columns.index("Total")
    raised = {row[0]: row[total] for row in themes.rows}
    lines = []
    for key in summary.top_themes:
        label = taxonomy.labels[key]
        quotes = summary.quotes.get(key)
        picked = quotes.all() if quotes is not None else ()
        lines.append(ThemeLine(label, raised.get(label), picked[0].text if picked else None))
    return tuple(lines)


# (figure table key, chart kind, chart title)
CHARTED: tuple[tuple[str, Kind, str], ...] = (
    ("open_escalations", "bar", "Open and prolonged escalations at the month's end"),
    ("consultations_by_outcome", "barh", "Consultations by outcome"),
)


def _charts(by_type: Table, figures: tuple[Table, ...]) -> tuple[ChartImage, ...]:
    sites = tuple(c for c in by_type.columns[1:-1])
    charts = [
        _chart(
            by_type,
            "feedback_by_respondent_type",
            "stacked" if len(sites) > 1 else "bar",
            "Feedback received by respondent type and site",
            sites or ("Total",),
        )
    ]
    tables = {table.key: table for table in figures}
    charts += [
        _chart(tables[key], key, kind, title, None) for key, kind, title in CHARTED if key in tables
    ]
    return tuple(charts)


def _chart(
    table: Table, key: str, kind: Kind, title: str, columns: tuple[str, ...] | None
) -> ChartImage:
    return ChartImage(
        key=key,
        title=title,
        description=chart_description(table, columns=columns),
        png=chart_png(table, kind=kind, columns=columns, title=title, size=(7.0, 3.8), dpi=110),
    )


# Sending ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipients:
    """Who gets the digest: the head of service's and assistant heads' emails, and a channel."""

    emails: tuple[str, ...]
    chat_channel: str
    base_url: str

    @classmethod
    def from_settings(cls, settings: object) -> Recipients:
        emails = str(settings.digest_emails).split(",")  # type: ignore[attr-defined]
        return cls(
            emails=tuple(e.strip() for e in emails if e.strip()),
            chat_channel=settings.digest_chat_channel.strip(),  # type: ignore[attr-defined]
            base_url=settings.base_url,  # type: ignore[attr-defined]
        )


def chart_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/digest-charts/{token}.png"


def send(
    factory: sessionmaker[Session],
    month: Month,
    *,
    worker: str,
    claimed_at: datetime,
    now: datetime,
    recipients: Recipients,
) -> int:
    """Build MONTH's digest (claimed by WORKER at CLAIMED_AT) and put its messages in the
    outbox; the number of messages. Raises LostClaim, writing nothing, if the claim was lost."""

    with factory() as session:
        content = build(session, month)
    with transaction(factory) as session:
        digest = session.scalar(
            select(Digest).where(
                Digest.month == str(month),
                Digest.status == DigestStatus.BUILDING,
                Digest.claimed_by == worker,
                Digest.claimed_at == claimed_at,
            )
        )
        if digest is None:
            raise LostClaim(f"digest {month} is no longer claimed by {worker}")
        charts = [
            DigestChart(
                key=chart.key,
                token=secrets.token_urlsafe(16),
                title=chart.title,
                description=chart.description,
                png=chart.png,
            )
            for chart in content.charts
        ]
        digest.charts = charts
        session.flush()
        urls = {c.key: chart_url(recipients.base_url, c.token) for c in charts}
        count = _enqueue(session, content, urls, recipients=recipients, now=now)
        marked = session.execute(
            update(Digest)
            .where(
                Digest.id == digest.id,
                Digest.status == DigestStatus.BUILDING,
                Digest.claimed_by == worker,
                Digest.claimed_at == claimed_at,
            )
            .values(status=DigestStatus.SENT, sent_at=now, messages=count)
            .execution_options(synchronize_session=False)
        )
        if cast(CursorResult[Any], marked).rowcount != 1:
            raise LostClaim(f"digest {month} was retaken by another clock")
    logger.info("digest %s: %s messages queued", month, count)
    return count


def _enqueue(
    session: Session,
    content: DigestContent,
    urls: dict[str, str],
    *,
    recipients: Recipients,
    now: datetime,
) -> int:
    from analysis import digest_render

    text = digest_render.text_body(content, urls)
    html = digest_render.html_body(content, {c.key: f"cid:{_cid(c.key)}" for c in content.charts})
    images = [InlineImage(cid=_cid(c.key), data=c.png) for c in content.charts]
    payload = outbox.email_payload(html, images)
    count = 0
    for address in recipients.emails:
        outbox.enqueue(
            session,
            dedupe_key=f"digest:{content.month}:email:{address}",
            channel="email",
            recipient=address,
            subject=content.title,
            body=text,
            now=now,
            payload=payload,
        )
        count += 1
    if recipients.chat_channel:
        outbox.enqueue(
            session,
            dedupe_key=f"digest:{content.month}:chat:{recipients.chat_channel}",
            channel="chat",
            recipient=recipients.chat_channel,
            subject=content.title,
            body=digest_render.chat_text(content, urls),
            now=now,
            payload={
                "blocks": digest_render.slack_blocks(content, urls),
                "card": digest_render.teams_card(content, urls),
            },
        )
        count += 1
    return count


def _cid(key: str) -> str:
    return f"{key}@heard.digest"


def send_due(
    factory: sessionmaker[Session], *, now: datetime, worker: str, recipients: Recipients
) -> list[Month]:
    """Send every digest due at NOW that nobody has sent or is sending; the months sent."""
    with factory() as session:
        due = months_due(session, now=now)
    sent = []
    for month in due:
        claimed_at = claim(factory, month, worker=worker, now=now)
        if claimed_at is None:
            continue
        try:
            send(
                factory, month, worker=worker, claimed_at=claimed_at, now=now, recipients=recipients
            )
        except LostClaim:
            logger.warning("digest %s: claim lost to another clock; it sends it", month)
            continue
        sent.append(month)
    return sent


def preview_html(session: Session, month: Month) -> str:
    """MONTH's digest email as one HTML file with its charts embedded: nothing is claimed,
    stored or sent."""
    import base64

    from analysis import digest_render

    content = build(session, month)
    sources = {
        c.key: "data:image/png;base64," + base64.b64encode(c.png).decode("ascii")
        for c in content.charts
    }
    return digest_render.html_body(content, sources)
