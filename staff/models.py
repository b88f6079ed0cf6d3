"""Staff accounts and the settings an administrator keeps as data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heard.db import Base
from heard.models import Officer


class StaffAccount(Base):
    """How one member of staff signs in, and the roles they hold. Linked to their officer record."""

    __tablename__ = "staff_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), unique=True)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    # argon2id hash for local accounts (embedded mode); None for single sign-on only.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    oidc_subject: Mapped[str | None] = mapped_column(String(255), unique=True)
    # Bumped by "sign out everywhere": every session carrying an older epoch is refused.
    session_epoch: Mapped[int] = mapped_column(default=0)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_signed_in_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(default=True)

    officer: Mapped[Officer] = relationship()


class ServiceSetting(Base):
    """A setting that is data (themes, escalation due days, retention), changed by an admin."""

    __tablename__ = "service_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(254))
