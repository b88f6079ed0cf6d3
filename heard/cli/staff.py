"""`heard staff`: accounts for the staff pages (local passwords in embedded mode, or SSO)."""

from __future__ import annotations

import click
from sqlalchemy import select

from heard.cli.common import settings, unit_of_work
from heard.clock import utcnow
from heard.errors import HeardError
from heard.models import Officer
from staff import accounts
from staff.models import StaffAccount
from staff.roles import Role, parse_roles

ACTOR = "heard staff (command line)"


def _roles(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> set[Role]:
    try:
        return set(parse_roles(",".join(value)))
    except ValueError as problem:
        raise click.BadParameter(str(problem)) from None


@click.group("staff")
def staff() -> None:
    """Staff accounts and the roles they hold."""


@staff.command("add")
@click.argument("email")
@click.option("--name", "display_name", required=True, help="Their name as colleagues know it.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    callback=_roles,
    help="business_support, principal_officer, manager or admin; repeat for several.",
)
@click.option("--site", default=None, help="The site they work from.")
@click.option(
    "--sso-only", is_flag=True, help="No password: they sign in with single sign-on only."
)
def add(email: str, display_name: str, roles: set[Role], site: str | None, sso_only: bool) -> None:
    """Add a member of staff (or change their roles). Prints a one-time password to hand over."""
    local = settings().local_sign_in_enabled and not sso_only
    with unit_of_work() as session:
        _, password = accounts.add_account(
            session,
            email=email,
            display_name=display_name,
            roles=roles,
            site=site,
            now=utcnow(),
            actor=ACTOR,
            password=None if local else "",
        )
    click.echo(f"Staff account {email.lower()} saved: {', '.join(sorted(roles))}.")
    if password:
        click.echo(f"One-time password (they choose their own at first sign-in): {password}")


@staff.command("reset-password")
@click.argument("email")
def reset_password(email: str) -> None:
    """Give a member of staff a new one-time password and sign them out everywhere."""
    with unit_of_work() as session:
        account = accounts.account_for(session, email)
        if account is None:
            raise HeardError(f"No staff account for {email}")
        password = accounts.one_time_password()
        accounts.set_one_time_password(session, account, password, actor=ACTOR, now=utcnow())
    click.echo(f"One-time password for {email.lower()}: {password}")


@staff.command("remove")
@click.argument("email")
def remove(email: str) -> None:
    """Switch an account off: it can no longer sign in, and its sessions end now."""
    with unit_of_work() as session:
        account = accounts.account_for(session, email)
        if account is None:
            raise HeardError(f"No staff account for {email}")
        accounts.switch_off(session, account, actor=ACTOR, now=utcnow())
    click.echo(f"Staff account {email.lower()} switched off.")


@staff.command("list")
def list_staff() -> None:
    """List staff accounts and their roles."""
    with unit_of_work() as session:
        rows = session.execute(
            select(Officer.email, Officer.display_name, StaffAccount.roles, StaffAccount.active)
            .join(StaffAccount, StaffAccount.officer_id == Officer.id)
            .order_by(Officer.email)
        )
        for email, name, roles, active in rows:
            state = "" if active else "\t(switched off)"
            click.echo(f"{email}\t{name}\t{','.join(sorted(roles))}{state}")


def register(cli: click.Group) -> None:
    cli.add_command(staff)
