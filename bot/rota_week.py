"""One site's duty week as the rota keeper sees it: each working day's duty PO, covers, gaps and
bank holidays, the overrides behind them, and a version so a stale form cannot undo a change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import RotaOverride, Rotation
from bot.rota import ROTA_ROLES, DutyDay, duty_between
from heard.errors import NotFound
from heard.models import Officer, Site
from heard.workdays import bank_holiday

WEEK_DAYS = 5


@dataclass(frozen=True)
class WeekDay:
    day: date
    bank_holiday: str | None
    duty: DutyDay | None  # None on a bank holiday

    @property
    def gap(self) -> bool:
        return self.duty is not None and self.duty.officer is None


@dataclass(frozen=True)
class RotaWeek:
    site: Site
    monday: date
    days: list[WeekDay]
    overrides: list[RotaOverride]
    version: str

    @property
    def gaps(self) -> int:
        return sum(1 for day in self.days if day.gap)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def find_site(session: Session, site_id: int) -> Site:
    site = session.get(Site, site_id)
    if site is None:
        raise NotFound("There is no such site.")
    return site


def rota_week(session: Session, *, site: Site, monday: date) -> RotaWeek:
    """SITE's duty for the working week starting MONDAY."""
    friday = monday + timedelta(days=WEEK_DAYS - 1)
    duties = {d.day: d for d in duty_between(session, start=monday, end=friday, sites=[site])}
    days = [
        WeekDay(day, bank_holiday(day), duties.get(day))
        for day in (monday + timedelta(days=n) for n in range(WEEK_DAYS))
    ]
    overrides = list(
        session.scalars(
            select(RotaOverride)
            .where(
                RotaOverride.site_id == site.id,
                RotaOverride.starts_on <= friday,
                RotaOverride.ends_on >= monday,
            )
            .order_by(RotaOverride.created_at, RotaOverride.id)
        )
    )
    return RotaWeek(site, monday, days, overrides, site_version(session, site=site))


def site_version(session: Session, *, site: Site) -> str:
    """Changes whenever the site's rotation or any of its overrides changes: a form carries it,
    and a form built from an older version is refused rather than silently overruling."""
    rotation = session.scalar(select(Rotation).where(Rotation.site_id == site.id))
    overrides = session.execute(
        select(RotaOverride.id, RotaOverride.created_at).where(RotaOverride.site_id == site.id)
    ).all()
    parts = [rotation.updated_at.isoformat() if rotation else "no rotation"]
    parts += [f"{i}@{at.isoformat()}" for i, at in sorted(overrides)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def rota_officers(session: Session) -> list[Officer]:
    """Active officers who can be duty PO, by name: the choices for absent and covering."""
    return list(
        session.scalars(
            select(Officer)
            .where(Officer.role.in_(ROTA_ROLES), Officer.active.is_(True))
            .order_by(Officer.display_name, Officer.id)
        )
    )
