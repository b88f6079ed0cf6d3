"""iCalendar feeds of the duty rota, one per site and one per PO, behind an unguessable key.

A calendar app subscribes to the feed's address and polls it, so the address is the only
credential: the key is an HMAC of the feed's kind and id, checked in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy.orm import Session

from bot.rota import DutyDay, describe, duty_between
from heard.clock import london
from heard.errors import NotFound
from heard.models import Officer, Site

KINDS = ("site", "officer")
WEEKS_BEFORE = 4
WEEKS_AFTER = 12
PRODID = "-//Heard//Duty rota//EN"


def feed_key(secret: str, kind: str, id: int) -> str:
    """The key of a feed: HMAC-SHA256 of "KIND:ID" under the deployment's secret, in hex."""
    return hmac.new(secret.encode(), f"{kind}:{id}".encode(), hashlib.sha256).hexdigest()


def feed_url(base_url: str, secret: str, kind: str, id: int) -> str:
    """The address a calendar app subscribes to."""
    return f"{base_url.rstrip('/')}/calendar/{kind}/{id}.ics?key={feed_key(secret, kind, id)}"


def key_matches(secret: str, kind: str, id: int, key: str) -> bool:
    """Whether KEY opens the feed, compared in constant time."""
    return hmac.compare_digest(feed_key(secret, kind, id).encode(), key.encode())


def site_calendar(session: Session, *, site_id: int, now: datetime) -> bytes:
    """A site's duty PO day by day, four weeks back and twelve ahead, gaps included."""
    site = session.get(Site, site_id)
    if site is None:
        raise NotFound("No such site.")
    calendar = _calendar(f"Duty PO: {site.name}")
    start, end = _window(now)
    for run in _runs(duty_between(session, start=start, end=end, sites=[site])):
        _add_event(calendar, run, f"Duty PO: {describe(run[0])}", f"site-{site.id}", now)
    return bytes(calendar.to_ical())


def officer_calendar(session: Session, *, officer_id: int, now: datetime) -> bytes:
    """A PO's own duty days at any site, four weeks back and twelve ahead."""
    officer = session.get(Officer, officer_id)
    if officer is None:
        raise NotFound("No such officer.")
    calendar = _calendar(f"Duty PO: {officer.display_name}")
    start, end = _window(now)
    mine = [
        duty
        for duty in duty_between(session, start=start, end=end)
        if duty.officer is not None and duty.officer.id == officer.id
    ]
    for run in _runs(mine):
        cover = f", covering ({run[0].reason})" if run[0].covering else ""
        summary = f"Duty PO at {run[0].site.name}{cover}"
        _add_event(calendar, run, summary, f"officer-{officer.id}", now)
    return bytes(calendar.to_ical())


def _window(now: datetime) -> tuple[date, date]:
    """From the Monday four weeks back to the Friday twelve weeks after this one."""
    monday = london(now).date() - timedelta(days=london(now).weekday())
    return monday - timedelta(weeks=WEEKS_BEFORE), monday + timedelta(weeks=WEEKS_AFTER, days=4)


def _runs(days: list[DutyDay]) -> Iterator[list[DutyDay]]:
    """Consecutive days of one week at one site with the same duty, as one event each."""
    run: list[DutyDay] = []
    for duty in sorted(days, key=lambda duty: (duty.site.name, duty.day)):
        if run and not _continues(run[-1], duty):
            yield run
            run = []
        run.append(duty)
    if run:
        yield run


def _continues(last: DutyDay, duty: DutyDay) -> bool:
    return (
        duty.site is last.site
        and duty.day == last.day + timedelta(days=1)
        and (duty.officer, duty.covering, duty.reason) == (last.officer, last.covering, last.reason)
    )


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    return calendar


def _add_event(
    calendar: Calendar, run: list[DutyDay], summary: str, feed: str, now: datetime
) -> None:
    first, last = run[0].day, run[-1].day
    event = Event()
    # Stable for the same days, so a calendar app updates an event rather than duplicating it.
    event.add("uid", f"{feed}-site-{run[0].site.id}-{first.isoformat()}@heard")
    event.add("dtstamp", now)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))  # all-day events end on the next day
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")  # duty is not a meeting: it must not block free time
    calendar.add_component(event)
