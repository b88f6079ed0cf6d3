"""`heard officers` and `heard sites`: the staff and places conferences are held."""

from __future__ import annotations

import click
from sqlalchemy import select

from heard.cli.common import unit_of_work
from heard.errors import HeardError
from heard.models import Officer, Site

ROLES = (
    "principal_officer",
    "assistant_head",
    "social_worker",
    "manager",
    "business_support",
    "admin",
)


@click.group("officers")
def officers() -> None:
    """Principal Officers and other staff."""


@officers.command("add")
@click.option("--email", required=True)
@click.option("--name", "display_name", required=True, help="The officer's name as staff know it.")
@click.option("--role", type=click.Choice(ROLES), default="principal_officer", show_default=True)
@click.option("--site", default=None, help="The site they work from.")
@click.option("--slack-id", default=None, help="Their Slack member id (U…), for chat-ops.")
@click.option("--teams-id", default=None, help="Their Microsoft Teams user id, for chat-ops.")
def add_officer(
    email: str,
    display_name: str,
    role: str,
    site: str | None,
    slack_id: str | None,
    teams_id: str | None,
) -> None:
    """Add a member of staff (or update one with the same email)."""
    with unit_of_work() as session:
        site_row = None
        if site:
            site_row = session.scalar(select(Site).where(Site.name == site))
            if site_row is None:
                raise HeardError(f"Unknown site {site!r}: add it with 'heard sites add' first.")
        officer = session.scalar(select(Officer).where(Officer.email == email.lower()))
        if officer is None:
            officer = Officer(email=email.lower(), display_name=display_name)
            session.add(officer)
        officer.display_name, officer.role, officer.site = display_name, role, site_row
        if slack_id:
            officer.slack_user_id = slack_id
        if teams_id:
            officer.teams_user_id = teams_id
    click.echo(f"Officer {email.lower()} saved.")


@officers.command("list")
def list_officers() -> None:
    """List staff."""
    with unit_of_work() as session:
        for officer in session.scalars(select(Officer).order_by(Officer.display_name)):
            site = officer.site.name if officer.site else "-"
            click.echo(f"{officer.email}\t{officer.display_name}\t{officer.role}\t{site}")


@click.group("sites")
def sites() -> None:
    """The sites conferences are held at."""


@sites.command("add")
@click.argument("name")
def add_site(name: str) -> None:
    """Add a site, e.g. 'Lifford House'."""
    with unit_of_work() as session:
        if session.scalar(select(Site).where(Site.name == name)) is None:
            session.add(Site(name=name))
    click.echo(f"Site {name!r} saved.")


def register(cli: click.Group) -> None:
    cli.add_command(officers)
    cli.add_command(sites)
