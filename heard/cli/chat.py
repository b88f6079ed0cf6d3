"""`heard chat` (the chat commands in a terminal) and `heard slack socket` (Slack's Socket Mode)."""

from __future__ import annotations

import sys

import click

from bot.adapters.console import Console
from heard.cli.common import sessions, settings
from heard.clock import utcnow
from heard.notify import ConsoleChat, make_mailer
from heard.outbox import deliver_due
from heard.scheduler import worker_name


@click.command("chat")
@click.option("--as", "email", required=True, help="The email of the officer you speak as.")
@click.option(
    "--deliver/--no-deliver",
    default=False,
    help="After each line, print the chat notices that are due (as the clock would send them).",
)
def chat(email: str, deliver: bool) -> None:
    """Use Heard's chat commands in this terminal: /duty, /consult, /checklist, /escalate ..."""
    config, factory = settings(), sessions()

    def deliver_notices() -> None:
        deliver_due(
            factory,
            mailer=make_mailer(config),
            chat=ConsoleChat(),
            now=utcnow,
            worker=worker_name(),
        )

    console = Console(
        factory,
        config,
        email=email,
        stdin=sys.stdin,
        stdout=sys.stdout,
        after_each=deliver_notices if deliver else None,
    )
    sys.exit(console.run())


@click.group("slack")
def slack() -> None:
    """Slack, when the workspace cannot reach Heard over HTTPS."""


@slack.command("socket")
def socket() -> None:
    """Connect to Slack over Socket Mode (SLACK_APP_TOKEN and SLACK_BOT_TOKEN) and serve it."""
    # Imported here: slack-bolt takes a fifth of a second to load; no other command needs it.
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.adapters.slack import build_app

    config = settings()
    if not config.slack_app_token or not config.slack_bot_token:
        raise click.ClickException("Set SLACK_APP_TOKEN (xapp-...) and SLACK_BOT_TOKEN (xoxb-...).")
    app = build_app(config, sessions(), socket_mode=True)
    click.echo("Connected to Slack over Socket Mode; Ctrl-C to stop.")
    SocketModeHandler(app, config.slack_app_token).start()  # type: ignore[no-untyped-call]


def register(cli: click.Group) -> None:
    cli.add_command(chat)
    cli.add_command(slack)
