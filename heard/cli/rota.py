"""`heard rota`: keep the duty PO rota (rotations, overrides, leave) and see who is on duty."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import click

from bot import rota
from heard.cli.common import unit_of_work
from heard.clock import london, utcnow
from heard.workdays import bank_holiday

DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.group("rota")
def group() -> None:
    """The duty Principal Officer rota at each site."""


@group.command("set")
@click.option("--site", required=True, help="The site, e.g. 'Lifford House'.")
@click.option("--officers", required=True, help="The POs' emails in turn, comma-separated.")
@click.option("--from", "anchor", type=DAY, required=True, help="The Monday the first PO starts.")
def set_rotation(site: str, officers: str, anchor: datetime) -> None:
    """Set a site's weekly rotation: each PO in turn is duty PO for a week."""
    emails = [email.strip() for email in officers.split(",") if email.strip()]
    with unit_of_work() as session:
        rota.set_rotation(
            session,
            site_name=site,
            officer_emails=emails,
            anchor_monday=anchor.date(),
            now=utcnow(),
        )
    click.echo(f"Rotation for {site} saved: {len(emails)} POs in turn from {_day(anchor.date())}.")


@group.command("override")
@click.option("--site", required=True)
@click.option("--from", "starts_on", type=DAY, required=True, help="The first day.")
@click.option("--to", "ends_on", type=DAY, required=True, help="The last day.")
@click.option("--absent", default=None, help="Email of the PO who is away.")
@click.option("--cover", default=None, help="Email of the PO who covers (none: a gap).")
@click.option("--reason", type=click.Choice(rota.REASONS), required=True)
@click.option("--by", required=True, help="Your email address.")
def override(
    site: str,
    starts_on: datetime,
    ends_on: datetime,
    absent: str | None,
    cover: str | None,
    reason: str,
    by: str,
) -> None:
    """Put another PO (or nobody) on duty at a site for some days."""
    with unit_of_work() as session:
        rota.add_override(
            session,
            site_name=site,
            starts_on=starts_on.date(),
            ends_on=ends_on.date(),
            absent_email=absent,
            covering_email=cover,
            reason=reason,
            by=by,
            now=utcnow(),
        )
    who = cover or "nobody (a gap)"
    click.echo(f"{site}: {who} on duty {_day(starts_on.date())} to {_day(ends_on.date())}.")


@group.command("leave")
@click.option("--officer", required=True, help="The officer's email.")
@click.option("--from", "starts_on", type=DAY, required=True, help="The first day of leave.")
@click.option("--to", "ends_on", type=DAY, required=True, help="The last day of leave.")
def leave(officer: str, starts_on: datetime, ends_on: datetime) -> None:
    """Record an officer's leave; duty days that fall on it become gaps to fill."""
    with unit_of_work() as session:
        rota.record_leave(
            session,
            officer_email=officer,
            starts_on=starts_on.date(),
            ends_on=ends_on.date(),
            now=utcnow(),
        )
    click.echo(f"Leave for {officer} saved: {_day(starts_on.date())} to {_day(ends_on.date())}.")


@group.command("show")
@click.option("--week", type=DAY, default=None, help="Any day of the week (default: this week).")
def show(week: datetime | None) -> None:
    """Who is on duty each working day of a week at each site: covers, gaps, bank holidays."""
    day = week.date() if week else london(utcnow()).date()
    monday = day - timedelta(days=day.weekday())
    with unit_of_work() as session:
        duties = rota.duty_between(session, start=monday, end=monday + timedelta(days=4))
        lines = [f"Week of {_day(monday)}"]
        for n in range(5):
            on = monday + timedelta(days=n)
            holiday = bank_holiday(on)
            if holiday:
                lines.append(f"{on:%a %d %b}\tbank holiday\t{holiday}")
            lines += [_duty_line(duty) for duty in duties if duty.day == on]
    click.echo("\n".join(lines))


@group.command("gaps")
@click.option("--days", default=14, show_default=True, help="How many working days ahead.")
def gaps(days: int) -> None:
    """Working days ahead with nobody on duty at a site, and why."""
    with unit_of_work() as session:
        found = rota.rota_gaps(session, from_day=london(utcnow()).date(), days=days)
        lines = [f"{gap.day:%a %d %b %Y}\t{gap.site.name}\t{gap.reason}" for gap in found]
    click.echo("\n".join(lines) if lines else f"No gaps in the next {days} working days.")


def _duty_line(duty: rota.DutyDay) -> str:
    gap = "GAP: " if duty.officer is None else ""
    return f"{duty.day:%a %d %b}\t{duty.site.name}\t{gap}{rota.describe(duty)}"


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def register(cli: click.Group) -> None:
    cli.add_command(group)
