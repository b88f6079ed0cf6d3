"""Searching the audit log: who read or changed which record, and when, filtered and paged.

Dates are London calendar days, inclusive; the search runs in the database, newest first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from analysis.periods import utc_bounds
from heard import audit
from heard.errors import HeardError
from heard.models import AuditEntry

PAGE_SIZE = 50
_TEXT_LIMIT = 254


class InvalidFilters(HeardError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Filters:
    actor: str = ""
    action: str = ""
    record_type: str = ""
    start: date | None = None
    end: date | None = None

    def as_query(self) -> dict[str, str]:
        """The filters as URL parameters (empty ones left out)."""
        pairs = {
            "actor": self.actor,
            "action": self.action,
            "record_type": self.record_type,
            "from": self.start.isoformat() if self.start else "",
            "to": self.end.isoformat() if self.end else "",
        }
        return {k: v for k, v in pairs.items() if v}

    def describe(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.as_query().items()) or "no filters"


@dataclass(frozen=True)
class Page:
    entries: list[AuditEntry]
    number: int
    pages: int
    total: int


def parse_filters(args: Mapping[str, str]) -> Filters:
    """Filters from a query string; raises InvalidFilters naming each bad one."""
    errors: dict[str, str] = {}
    texts = {}
    for name in ("actor", "action", "record_type"):
        value = str(args.get(name, "")).strip()
        if len(value) > _TEXT_LIMIT:
            errors[name] = f"Search for {_TEXT_LIMIT} characters or fewer"
        texts[name] = value
    days = {}
    for name in ("from", "to"):
        raw = str(args.get(name, "")).strip()
        try:
            days[name] = date.fromisoformat(raw) if raw else None
        except ValueError:
            errors[name] = "Enter a real date, like 2026-11-23"
    if not errors and days["from"] and days["to"] and days["to"] < days["from"]:
        errors["to"] = "The end date must be the same as or after the start date"
    if errors:
        raise InvalidFilters(errors)
    return Filters(start=days["from"], end=days["to"], **texts)


def parse_page(raw: str | None) -> int:
    if not raw:
        return 1
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidFilters({"page": "The page must be a whole number, 1 or more"})
    return int(raw)


def _query(filters: Filters) -> Select[AuditEntry]:
    query = select(AuditEntry)
    if filters.actor:
        query = query.where(func.lower(AuditEntry.actor).contains(filters.actor.lower()))
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.record_type:
        query = query.where(AuditEntry.record_type == filters.record_type)
    if filters.start or filters.end:
        low, high = utc_bounds(filters.start or date(2000, 1, 1), filters.end or date(9998, 12, 31))
        query = query.where(AuditEntry.at >= low, AuditEntry.at < high)
    return query


def search(session: Session, filters: Filters, *, page: int = 1, size: int = PAGE_SIZE) -> Page:
    total = session.scalar(select(func.count()).select_from(_query(filters).subquery())) or 0
    pages = max(1, -(-total // size))
    number = min(page, pages)
    entries = session.scalars(
        _query(filters)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(size)
        .offset((number - 1) * size)
    )
    return Page(list(entries), number, pages, total)


def choices(session: Session) -> tuple[list[str], list[str]]:
    """The actions and record types the log holds, for the filter lists."""
    actions = session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    kinds = session.scalars(
        select(AuditEntry.record_type).distinct().order_by(AuditEntry.record_type)
    )
    return list(actions), list(kinds)


def export(
    session: Session, filters: Filters, *, actor: str, now: datetime
) -> Iterator[AuditEntry]:
    """Every matching entry, oldest first, for a CSV; the export itself is audited first."""
    audit.record(
        session,
        actor=actor,
        action="audit log exported",
        record_type="audit_log",
        record_id="*",
        now=now,
        detail=filters.describe()[:500],
    )
    session.flush()
    return iter(
        session.scalars(
            _query(filters).order_by(AuditEntry.at, AuditEntry.id).execution_options(yield_per=1000)
        )
    )
