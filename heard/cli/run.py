"""`heard db upgrade`, `heard demo`, `heard serve` and `heard clock`: running the service."""

from __future__ import annotations

import io
import threading

import click
import segno
from sqlalchemy import select

from heard import migrate
from heard.cli.common import sessions, settings, unit_of_work
from heard.clock import utcnow
from heard.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo
from heard.models import Conference
from surveys.invitations import issue_token
from surveys.models import Invitation
from surveys.screening import warm_up


@click.group("db")
def db() -> None:
    """The database schema."""


@db.command("upgrade")
def upgrade() -> None:
    """Apply every Alembic migration to DATABASE_URL."""
    migrate.upgrade(settings().database_url)
    click.echo("Database is up to date.")


@click.command("demo")
def demo() -> None:
    """Load the demo (sites, staff, a week of conferences, six weeks of feedback); print links
    and the demo staff accounts."""
    config = settings()
    with unit_of_work() as session:
        loaded = load_demo(
            session, now=utcnow(), expiry_days=config.token_expiry_days, settings=config
        )
    click.echo("Demo data loaded." if loaded else "Demo data already present.")
    print_demo_links()
    print_demo_accounts(config.base_url.rstrip("/"))


def print_demo_links() -> None:
    """Issue fresh links for the first conference's invitees and show one as a QR code."""
    config = settings()
    with unit_of_work() as session:
        conference = session.scalar(select(Conference).order_by(Conference.starts_at))
        if conference is None:
            return
        invitations = session.scalars(
            select(Invitation)
            .where(Invitation.conference_id == conference.id)
            .order_by(Invitation.id)
        ).all()
        links = [
            (
                inv.respondent_type,
                inv.language,
                inv.agency,
                issue_token(session, invitation=inv, base_url=config.base_url, now=utcnow()).url,
            )
            for inv in invitations
        ]
    click.echo(
        f"\nDemo invitation links ({conference.case_reference}, {conference.conference_type}):"
    )
    for role, language, agency, url in links:
        click.echo(f"  {role:<13} {language:<8} {agency or '':<8} {url}")
    click.echo(f"  open feedback (poster QR)     {config.base_url.rstrip('/')}/feedback/open")
    buffer = io.StringIO()
    segno.make(links[0][3], error="m").terminal(out=buffer, compact=True)
    click.echo(
        f"\nScan this with a phone on the same network to open the first link:\n{buffer.getvalue()}"
    )


def print_demo_accounts(base_url: str) -> None:
    click.echo(f"\nDemo staff accounts: sign in at {base_url}/staff/ with password {DEMO_PASSWORD}")
    for email, _name, roles, site in DEMO_ACCOUNTS:
        click.echo(f"  {', '.join(roles):<20} {email:<28} {site or ''}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--demo/--no-demo", "with_demo", default=False, help="Load demo data first.")
@click.option("--clock/--no-clock", "with_clock", default=True, help="Run the clock in-process.")
def serve(host: str, port: int, with_demo: bool, with_clock: bool) -> None:
    """Run the web service on one machine (the embedded mode), with the clock in-process."""
    from heard.scheduler import start_in_process
    from webforms.app import create_app

    config = settings()
    factory = sessions()
    if with_demo:
        with unit_of_work() as session:
            load_demo(session, now=utcnow(), expiry_days=config.token_expiry_days, settings=config)
        print_demo_links()
    if with_clock:
        register_jobs()
        start_in_process(config, factory)
    app = create_app(config, engine=factory.kw["bind"])
    # The screen's rules take seconds to compile: do it now, beside the server starting.
    threading.Thread(target=warm_up, name="screen-warm-up", daemon=True).start()
    if with_demo:
        print_demo_accounts(f"http://{host}:{port}")
    click.echo(f"\nHeard is running on http://{host}:{port}/  (Ctrl+C to stop)")
    app.run(host=host, port=port, threaded=True, use_reloader=False)


@click.command("clock")
def clock() -> None:
    """Run the clock process: sends the outbox and chases alerts (one per deployment)."""
    from heard.scheduler import run_clock

    register_jobs()
    run_clock(settings())


def register_jobs() -> None:
    """Every package's clock jobs (the outbox job is the scheduler's own)."""
    from analysis import jobs as analysis_jobs
    from bot import jobs as bot_jobs
    from staff import jobs as staff_jobs
    from surveys import jobs as survey_jobs

    survey_jobs.register()
    bot_jobs.register()
    analysis_jobs.register()
    staff_jobs.register()


def register(cli: click.Group) -> None:
    for command in (db, demo, serve, clock):
        cli.add_command(command)
