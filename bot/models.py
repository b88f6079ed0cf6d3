"""Chat-ops records: the duty rota, consultations, pre-ICPC checklists and escalations.

Every step that the annual report counts is timestamped; escalations keep an append-only timeline.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heard.db import Base
from heard.models import Conference, Officer, Site


class Rotation(Base):
    """A site's weekly duty rotation: the officers in turn, from an anchor Monday."""

    __tablename__ = "rota_rotation"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), unique=True)
    anchor_monday: Mapped[date]
    officer_ids: Mapped[list[int]] = mapped_column(JSON)
    updated_at: Mapped[datetime]

    site: Mapped[Site] = relationship()


class OverrideReason(enum.StrEnum):
    SICKNESS = "sickness"
    LEAVE = "leave"
    SWAP = "swap"
    OTHER = "other"


class RotaOverride(Base):
    """Who covers a site's duty for some days instead of the rotation (None: nobody yet)."""

    __tablename__ = "rota_override"
    __table_args__ = (Index("ix_rota_override_site_days", "site_id", "starts_on", "ends_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    absent_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    covering_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    reason: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(254))

    site: Mapped[Site] = relationship()
    absent_officer: Mapped[Officer | None] = relationship(foreign_keys=[absent_officer_id])
    covering_officer: Mapped[Officer | None] = relationship(foreign_keys=[covering_officer_id])


class OfficerLeave(Base):
    """Recorded leave: a rota week that falls on it is a gap the rota keeper must fill."""

    __tablename__ = "officer_leave"

    id: Mapped[int] = mapped_column(primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    kind: Mapped[str] = mapped_column(String(16), default="leave")
    created_at: Mapped[datetime]

    officer: Mapped[Officer] = relationship()


class ConsultationStatus(enum.StrEnum):
    WAITING = "waiting"  # offered to someone, nobody has accepted yet
    ACCEPTED = "accepted"
    COMPLETED = "completed"  # the outcome is recorded
    WITHDRAWN = "withdrawn"


class Consultation(Base):
    """A social worker's request for a PO's consultation before an ICPC is requested."""

    __tablename__ = "consultation"
    __table_args__ = (Index("ix_consultation_status", "status", "offer_expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_reference: Mapped[str] = mapped_column(String(64))
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    category: Mapped[str] = mapped_column(String(40))
    prevalent_issues: Mapped[list[str]] = mapped_column(JSON, default=list)
    urgency: Mapped[str] = mapped_column(String(16))
    availability: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=ConsultationStatus.WAITING)
    requested_at: Mapped[datetime]
    offered_to_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    offer_round: Mapped[int] = mapped_column(default=0)
    offered_at: Mapped[datetime | None]
    offer_expires_at: Mapped[datetime | None]
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    accepted_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(40))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[datetime | None]
    idempotency_key: Mapped[str | None] = mapped_column(String(120), unique=True)

    site: Mapped[Site] = relationship()
    requested_by: Mapped[Officer] = relationship(foreign_keys=[requested_by_id])
    offered_to: Mapped[Officer | None] = relationship(foreign_keys=[offered_to_id])
    accepted_by: Mapped[Officer | None] = relationship(foreign_keys=[accepted_by_id])
    events: Mapped[list[ConsultationEvent]] = relationship(
        order_by="ConsultationEvent.id", cascade="all, delete-orphan"
    )


class ConsultationEvent(Base):
    """One step of a consultation, timestamped for the annual report."""

    __tablename__ = "consultation_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    # requested, offered, passed, timed_out, accepted, outcome
    kind: Mapped[str] = mapped_column(String(24))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    detail: Mapped[str] = mapped_column(Text, default="")


class ChecklistItem(Base):
    """One line of an ICPC's pre-conference contact checklist, for its chair to tick."""

    __tablename__ = "checklist_item"
    __table_args__ = (UniqueConstraint("conference_id", "key", name="uq_checklist_item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    done_at: Mapped[datetime | None]
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    not_needed: Mapped[bool] = mapped_column(default=False)
    detail: Mapped[str] = mapped_column(String(200), default="")  # e.g. the interpreter's language

    conference: Mapped[Conference] = relationship()


class EscalationStage(enum.StrEnum):
    INFORMAL = "informal"
    STAGE_1 = "stage_1"  # team manager
    STAGE_2 = "stage_2"  # head of service
    STAGE_3 = "stage_3"  # assistant director


class Escalation(Base):
    """A PO's challenge under the Resolution and Escalation Protocol, with the rules in force
    when it was raised recorded on it, so a later configuration change moves no deadline."""

    __tablename__ = "escalation"
    __table_args__ = (Index("ix_escalation_open", "resolved_at", "response_due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_reference: Mapped[str] = mapped_column(String(64))
    themes: Mapped[list[str]] = mapped_column(JSON)
    stage: Mapped[str] = mapped_column(String(16))
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("officer.id"))
    raised_with: Mapped[str] = mapped_column(String(200))
    raised_at: Mapped[datetime]
    response_due_days: Mapped[int]
    prolonged_after_days: Mapped[int]
    response_due_on: Mapped[date]
    prolonged_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(Text)
    idempotency_key: Mapped[str | None] = mapped_column(String(120), unique=True)

    raised_by: Mapped[Officer] = relationship()
    events: Mapped[list[EscalationEvent]] = relationship(
        order_by="EscalationEvent.id", cascade="all, delete-orphan"
    )


class EscalationEvent(Base):
    """The escalation's timeline: raised, updated, stage changed, chased, prolonged, resolved."""

    __tablename__ = "escalation_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalation.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(24))
    by_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    stage: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
