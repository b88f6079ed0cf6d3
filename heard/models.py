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
