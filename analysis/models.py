"""The monthly digest's record: one row per month, claimed once, and its charts.

The row exists from the moment a clock claims the month: its unique month is what stops a
second clock (or a restart) from building and sending the same digest twice. Charts hold only
aggregates that have been through disclosure control, so they may be served to Slack and Teams
at an unguessable address without signing in (`webforms.digest_charts`).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heard.db import Base


class DigestStatus(enum.StrEnum):
    BUILDING = "building"  # claimed by a clock that is building it
    SENT = "sent"  # its messages are in the outbox, which delivers (and retries) them


class Digest(Base):
    """The digest of one calendar month ("2026-10"), sent on the next month's first working day."""

    __tablename__ = "digest"
    __table_args__ = (CheckConstraint("status IN ('building', 'sent')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    status: Mapped[str] = mapped_column(String(16), default=DigestStatus.BUILDING)
    claimed_by: Mapped[str] = mapped_column(String(80))
    claimed_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    messages: Mapped[int] = mapped_column(default=0)  # outbox rows written when it was sent

    charts: Mapped[list[DigestChart]] = relationship(
        back_populates="digest", cascade="all, delete-orphan", order_by="DigestChart.id"
    )


class DigestChart(Base):
    """One chart of a digest as a PNG, fetched by its random token (128 bits)."""

    __tablename__ = "digest_chart"
    __table_args__ = (UniqueConstraint("digest_id", "key", name="uq_digest_chart_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("digest.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(60))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)  # alt text
    png: Mapped[bytes] = mapped_column(LargeBinary)

    digest: Mapped[Digest] = relationship(back_populates="charts")
