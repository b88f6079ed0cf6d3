"""`heard alerts list|ack`: the alerts queue from a terminal (staff pages come later)."""

from __future__ import annotations

import click

from heard.cli.common import unit_of_work
from heard.clock import london, utcnow
from surveys import alerts as alert_cases


@click.group("alerts")
def group() -> None:
    """Alerts raised by feedback that needs a person."""


@group.command("list")
def list_alerts() -> None:
    """List alerts nobody has acknowledged yet (reasons only, never the words)."""
    with unit_of_work() as session:
        for alert in alert_cases.open_alerts(session):
            escalated = " escalated" if alert.escalated_at else ""
            click.echo(
                f"{alert.id}\t{london(alert.created_at):%Y-%m-%d %H:%M}\t{alert.kind}{escalated}\t{', '.join(alert.reasons)}"
            )


@group.command("ack")
@click.argument("alert_id", type=int)
@click.option("--by", "by", required=True, help="Your email address.")
@click.option("--note", default="", help="What you did.")
def ack(alert_id: int, by: str, note: str) -> None:
    """Acknowledge an alert: it stops being chased."""
    with unit_of_work() as session:
        alert_cases.acknowledge_alert(session, alert_id=alert_id, by=by, now=utcnow(), note=note)
    click.echo(f"Alert {alert_id} acknowledged.")


def register(cli: click.Group) -> None:
    cli.add_command(group)
