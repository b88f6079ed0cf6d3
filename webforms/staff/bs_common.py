"""What the business support pages share: the database, settings, dates from forms, PDFs."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import date, datetime

from flask import Response, current_app
from sqlalchemy.orm import Session

from heard.db import transaction
from heard.settings import Settings
from surveys.packs import InvitationSheet, PackBranding, render_pack


class FieldErrors(list[tuple[str, str]]):
    """Error summary entries that may repeat a field (many bad lines in one uploaded file).

    The layout's summary reads `errors.items()`; a dict cannot hold one field twice.
    """

    def items(self) -> Iterable[tuple[str, str]]:  # type: ignore[override]
        return iter(self)


def settings() -> Settings:
    return current_app.extensions["heard.settings"]  # type: ignore[no-any-return]


def unit_of_work() -> AbstractContextManager[Session]:
    return transaction(current_app.extensions["heard.sessions"])


def parse_day(raw: str | None) -> date | None:
    """A YYYY-MM-DD date, or None when it is not one."""
    try:
        return datetime.strptime((raw or "").strip(), "%Y-%m-%d").date()
    except ValueError:
        return None


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def branding() -> PackBranding:
    config = settings()
    return PackBranding(
        authority_name=config.authority_name,
        emergency_number=config.emergency_number,
        advice_line_name=config.advice_line_name,
        advice_line_phone=config.advice_line_phone,
    )


def pdf_download(sheets: list[InvitationSheet], filename: str) -> Response:
    """The invitation sheets as one PDF to save or print."""
    response = Response(render_pack(sheets, branding()), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
