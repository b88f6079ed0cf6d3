"""Invitations, responses, answers, contact requests and alerts. Pseudonymous by construction."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heard.db import Base
from heard.models import Conference


class RespondentType(enum.StrEnum):
    PARENT = "parent"
    CHILD = "child"
    PROFESSIONAL = "professional"


# Who in the family an invitee is (None for professionals), and how they took part: key -> label.
FAMILY_ROLES: dict[str, str] = {
    "mother": "Mothers",
    "father": "Fathers",
    "carer": "Carers",
    "child": "Children and young people",
}
ATTENDANCE: dict[str, str] = {
    "in_person": "In person",
    "virtual": "Virtual",
    "written_only": "Written contribution only",
    "did_not_attend": "Did not attend",
}


class Invitation(Base):
    """One invitee's place at one conference: a role, an agency, a language, and a token hash."""

    __tablename__ = "invitation"
    __table_args__ = (
        Index("ix_invitation_conference", "conference_id"),
        CheckConstraint(
            f"family_role IN ({', '.join(repr(k) for k in FAMILY_ROLES)})", name="family_role"
        ),
        CheckConstraint(
            f"attendance IN ({', '.join(repr(k) for k in ATTENDANCE)})", name="attendance"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id", ondelete="CASCADE"))
    respondent_type: Mapped[str] = mapped_column(String(16))
    agency: Mapped[str | None] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(16), default="en")
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    token_issued_at: Mapped[datetime | None]
    expires_at: Mapped[datetime]
    withdrawn: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    family_role: Mapped[str | None] = mapped_column(String(16))
    attendance: Mapped[str | None] = mapped_column(String(16))  # known after the conference

    conference: Mapped[Conference] = relationship()


class Response(Base):
    """One respondent's answers. Linked to a conference and a role, never to a person."""

    __tablename__ = "response"
    __table_args__ = (
        UniqueConstraint("invitation_id", name="uq_response_invitation"),
        Index("ix_response_submitted", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("invitation.id"))
    conference_id: Mapped[int | None] = mapped_column(ForeignKey("conference.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    respondent_type: Mapped[str] = mapped_column(String(16))
    conference_type: Mapped[str | None] = mapped_column(String(16))
    questionnaire: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(16))
    verified: Mapped[bool] = mapped_column(default=True)
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    flagged: Mapped[bool] = mapped_column(default=False)

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="Answer.id"
    )
    invitation: Mapped[Invitation | None] = relationship()


class Answer(Base):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("response_id", "question_key", name="uq_answer_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime]

    response: Mapped[Response] = relationship(back_populates="answers")


class ContactRequest(Base):
    """Consent to be contacted, and how. Details are encrypted; deleted once contact is made."""

    __tablename__ = "contact_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), unique=True
    )
    method: Mapped[str] = mapped_column(String(24))  # phone, email, social_worker
    details_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
    contacted_at: Mapped[datetime | None]
    details_deleted_at: Mapped[datetime | None]


class AlertStatus(enum.StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"


class Alert(Base):
    """A response that needs a person today. Carries reasons, never the respondent's words."""

    __tablename__ = "alert"
    __table_args__ = (Index("ix_alert_open", "acknowledged_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), unique=True
    )
    kind: Mapped[str] = mapped_column(String(24))  # disclosure, contact_request
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(254))
    escalated_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship()
