"""Shared entities: sites, officers, conferences, the audit log and the outbox."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heard.db import Base


class ConferenceType(enum.StrEnum):
    ICPC = "ICPC"
    RCPC = "RCPC"
    TRANSFER_IN = "transfer-in"


# What the schedule records about a conference once it is held or moved: key -> label. Keys are
# stored and never change; labels are the annual reports' words.
CONFERENCE_OUTCOMES: dict[str, str] = {
    "plan": "Child protection plan",  # ICPC
    "no_plan": "No plan",  # ICPC
    "plan_continued": "Plan continued",  # RCPC, transfer-in
    "plan_ended": "Plan ended",  # RCPC, transfer-in
}
CATEGORIES_OF_ABUSE: dict[str, str] = {
    "neglect": "Neglect",
    "emotional_abuse": "Emotional abuse",
    "physical_abuse": "Physical abuse",
    "sexual_abuse": "Sexual abuse",
    "multiple": "Multiple",
}
REARRANGED_REASONS: dict[str, str] = {
    "parent_availability": "Parent availability",
    "parent_unwell": "Parent unwell",
    "not_quorate": "Not quorate",
    "report_not_shared": "Report not shared in time",
    "report_not_ready": "Report not ready",
    "no_interpreter": "No interpreter",
    "professional_unavailable": "Professional unavailable",
    "po_unavailable": "PO unavailable",
    "room_for_icpc": "Making room for an ICPC",
    "other": "Other",
}


def _in(column: str, values: dict[str, str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Site(Base):
    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class Officer(Base):
    """A member of staff: a Principal Officer, a manager or business support. Staff names only."""

    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(40), default="principal_officer")
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    slack_user_id: Mapped[str | None] = mapped_column(String(40))
    teams_user_id: Mapped[str | None] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(default=True)

    site: Mapped[Site | None] = relationship()


class Conference(Base):
    """One conference, identified by the case system's reference; never any family member's name."""

    __tablename__ = "conference"
    __table_args__ = (
        UniqueConstraint(
            "case_reference", "conference_type", "starts_on", name="uq_conference_key"
        ),
        CheckConstraint(
            "conference_type IN ('ICPC', 'RCPC', 'transfer-in')", name="conference_type"
        ),
        Index("ix_conference_starts_at", "starts_at"),
        Index("ix_conference_starts_on", "starts_on"),
        Index("ix_conference_case", "case_reference", "starts_on"),
        CheckConstraint(_in("outcome", CONFERENCE_OUTCOMES), name="outcome"),
        CheckConstraint(_in("category_of_abuse", CATEGORIES_OF_ABUSE), name="category_of_abuse"),
        CheckConstraint(_in("rearranged_reason", REARRANGED_REASONS), name="rearranged_reason"),
        CheckConstraint("children > 0", name="children"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_reference: Mapped[str] = mapped_column(String(64))
    conference_type: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date]
    starts_at: Mapped[datetime]
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    strategy_discussion_on: Mapped[date | None]
    imported_at: Mapped[datetime]
    # Known after the conference, from a later import of the schedule (all optional).
    outcome: Mapped[str | None] = mapped_column(String(16))
    category_of_abuse: Mapped[str | None] = mapped_column(String(24))
    children: Mapped[int | None]  # children considered, for counts of children on plans
    rearranged_from: Mapped[date | None]  # the date it was first due, when it was moved
    rearranged_reason: Mapped[str | None] = mapped_column(String(32))

    site: Mapped[Site] = relationship()
    chair: Mapped[Officer | None] = relationship()


class AuditEntry(Base):
    """Who did what to which record, and when. Append-only; never holds the content itself."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(60))
    record_type: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class OutboxMessage(Base):
    """A notification to send, written in the transaction that causes it; claimed once."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(16))  # "email" or "chat"
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
